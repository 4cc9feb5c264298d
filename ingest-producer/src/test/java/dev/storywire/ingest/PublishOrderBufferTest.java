package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishOrderBufferTest {

    @TempDir
    Path spool;

    private final FeedDocumentParser parser = new FeedDocumentParser();

    @Test
    void shouldGiveResultsBackInPublishTimeOrderFromMemory() {
        List<ParseResult> results = batch();

        List<ParseResult> ordered = drain(new PublishOrderBuffer(Long.MAX_VALUE, spool), results);

        assertThat(ordered).containsExactlyElementsOf(PublishTimeOrder.sortResults(results));
    }

    @Test
    void shouldGiveSpooledResultsBackUnchangedAndDeleteTheSpoolFile() throws IOException {
        List<ParseResult> results = batch();
        List<ParseResult> expected = PublishTimeOrder.sortResults(results);

        // A budget below one document: every result goes to the spool file and is read back from it.
        List<ParseResult> ordered = drain(new PublishOrderBuffer(300, spool), results);

        assertThat(ordered).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            ParseResult want = expected.get(i);
            ParseResult got = ordered.get(i);
            assertThat(got.source()).isEqualTo(want.source());
            assertThat(got.rawBytes()).isEqualTo(want.rawBytes());
            if (want instanceof ParseResult.Parsed parsed) {
                assertThat(((ParseResult.Parsed) got).record()).usingRecursiveComparison().isEqualTo(parsed.record());
                assertThat(((ParseResult.Parsed) got).article()).isEqualTo(parsed.article());
            } else {
                assertThat(got).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(((ParseResult.Rejected) want).reason());
                    assertThat(rejected.position()).isEqualTo(((ParseResult.Rejected) want).position());
                });
            }
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool file deleted on close").isEmpty();
        }
    }

    private List<ParseResult> drain(PublishOrderBuffer buffer, List<ParseResult> results) {
        List<ParseResult> ordered = new ArrayList<>();
        try (buffer) {
            results.forEach(buffer::add);
            for (Iterator<ParseResult> it = buffer.inPublishOrder(); it.hasNext(); ) {
                ordered.add(it.next());
            }
        }
        return ordered;
    }

    private List<ParseResult> batch() {
        List<ParseResult> results = new ArrayList<>();
        results.addAll(parse("c.md", "C", "2021-03-03T00:00:00Z", "related:\n  - title: R\n    webUrl: https://r.org/1"));
        results.addAll(parser.parse("bad.md", "---\ntitle: [x\n---\n".getBytes(StandardCharsets.UTF_8),
                InputFormat.FRONT_MATTER));
        results.addAll(parse("a.md", "A", "2021-03-02T00:00:00Z", "extra: {k: [1, 2]}"));
        results.addAll(parse("undated.md", "U", null, ""));
        results.addAll(parse("b.md", "B", "2021-03-01T00:00:00Z", "quality: 3"));
        return results;
    }

    private List<ParseResult> parse(String source, String title, String date, String more) {
        String text = "---\ntitle: " + title + "\nwebUrl: https://example.com/" + title + "\n"
                + (date == null ? "" : "publishedDateTime: " + date + "\n") + more + "\n---\n";
        return parser.parse(source, text.getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);
    }
}
