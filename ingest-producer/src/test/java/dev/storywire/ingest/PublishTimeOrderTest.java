package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishTimeOrderTest {

    private final FeedDocumentParser parser =
            new FeedDocumentParser(ParserLimits.defaults(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void shouldOrderArticlesByPublishTimeEarliestFirst() {
        Article late = article("b.md", "2021-03-02T10:00:00Z");
        Article early = article("c.md", "2021-03-01T10:00:00Z");
        Article middle = article("a.md", "2021-03-01T12:00:00+00:00");

        assertThat(PublishTimeOrder.sortArticles(List.of(late, early, middle))).containsExactly(early, middle, late);
    }

    @Test
    void shouldBreakTiesByPath() {
        Article second = article("dir/b.md", "2021-03-01T10:00:00Z");
        Article first = article("dir/a.md", "2021-03-01T10:00:00Z");

        assertThat(PublishTimeOrder.sortArticles(List.of(second, first))).containsExactly(first, second);
    }

    @Test
    void shouldPutArticlesWithoutADateLastByPath() {
        Article undatedB = article("b.md", null);
        Article dated = article("z.md", "2021-03-01T10:00:00Z");
        Article undatedA = article("a.md", null);

        assertThat(PublishTimeOrder.sortArticles(List.of(undatedB, dated, undatedA)))
                .containsExactly(dated, undatedA, undatedB);
    }

    @Test
    void shouldKeepInputOrderOfDocumentsWithTheSameTimeAndSource() {
        List<ParseResult> results = parser.parse("multi.md", (doc("One", "2021-03-01T10:00:00Z")
                + doc("Two", "2021-03-01T10:00:00Z") + doc("Zero", "2021-02-01T10:00:00Z"))
                .getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);

        assertThat(PublishTimeOrder.sortResults(results)).extracting(r -> ((ParseResult.Parsed) r).article().title())
                .containsExactly("Zero", "One", "Two");
    }

    @Test
    void shouldOrderLinesOfAJsonLinesFileByLineNumberOnTies() {
        assertThat(PublishTimeOrder.compareSources("f.jsonl:9", "f.jsonl:10")).isNegative();
        assertThat(PublishTimeOrder.compareSources("f.jsonl:10", "f.jsonl:9")).isPositive();
        assertThat(PublishTimeOrder.compareSources("a.jsonl:10", "b.jsonl:9")).isNegative();
    }

    @Test
    void shouldPutRejectedDocumentsAfterEveryArticle() {
        List<ParseResult> results = List.of(
                new ParseResult.Rejected("a.md", "no front matter", null, new byte[0]),
                parser.parse("z.md", doc("Late", "2030-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8),
                        InputFormat.FRONT_MATTER).get(0));

        assertThat(PublishTimeOrder.sortResults(results)).extracting(ParseResult::source).containsExactly("z.md", "a.md");
    }

    private Article article(String source, String publishedDateTime) {
        String date = publishedDateTime == null ? "" : "publishedDateTime: " + publishedDateTime + "\n";
        String text = "---\ntitle: " + source + "\nwebUrl: https://example.com/" + source + "\n" + date + "---\n";
        return ((ParseResult.Parsed) parser.parse(source, text.getBytes(StandardCharsets.UTF_8),
                InputFormat.FRONT_MATTER).get(0)).article();
    }

    private static String doc(String title, String publishedDateTime) {
        return "---\ntitle: " + title + "\nwebUrl: https://example.com/" + title + "\npublishedDateTime: "
                + publishedDateTime + "\n---\n";
    }
}
