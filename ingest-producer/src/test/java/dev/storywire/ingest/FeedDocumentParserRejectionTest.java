package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rejection reason; each checks the reason names what is wrong. */
class FeedDocumentParserRejectionTest {

    private static final String SOURCE = "test/doc.md";

    private final FeedDocumentParser parser = new FeedDocumentParser();

    @Test
    void shouldRejectEmptyFile() {
        ParseResult.Rejected rejected = rejectBytes(new byte[0]);

        assertThat(rejected.reason()).startsWith("empty file");
        assertThat(rejected.source()).isEqualTo(SOURCE);
    }

    @Test
    void shouldRejectWhitespaceOnlyFileAsEmpty() {
        assertThat(reject("  \n\n\t\n").reason()).startsWith("empty file");
    }

    @Test
    void shouldRejectTextWithoutFrontMatter() {
        ParseResult.Rejected rejected = reject("# A heading\n\ntitle: not front matter\n");

        assertThat(rejected.reason()).startsWith("no front matter");
        assertThat(rejected.position()).isEqualTo("1:1");
    }

    @Test
    void shouldRejectFrontMatterThatIsNeverClosed() {
        ParseResult.Rejected rejected = reject("---\ntitle: Open\nwebUrl: https://example.com/a\n");

        assertThat(rejected.reason()).startsWith("no front matter").contains("never closed");
    }

    @Test
    void shouldRejectYamlSyntaxErrorWithLineAndColumn() {
        ParseResult.Rejected rejected = reject("---\ntitle: \"unterminated\nwebUrl: https://example.com/a\n---\n");

        assertThat(rejected.reason()).startsWith("YAML syntax error at line ").contains("column");
        assertThat(rejected.position()).matches("\\d+:\\d+");
    }

    @Test
    void shouldReportSyntaxErrorPositionInTheFileNotTheBlock() {
        ParseResult.Rejected rejected = reject("\n---\ntitle: ok\nwebUrl: [unclosed\n---\n");

        assertThat(rejected.position()).startsWith("5:");
        assertThat(rejected.reason()).contains("line 5");
    }

    @Test
    void shouldRejectMissingTitle() {
        ParseResult.Rejected rejected = reject(doc("webUrl: https://example.com/a"));

        assertThat(rejected.reason()).isEqualTo("missing required field 'title'");
    }

    @Test
    void shouldRejectBlankTitle() {
        ParseResult.Rejected rejected = reject(doc("title: \"   \"\nwebUrl: https://example.com/a"));

        assertThat(rejected.reason()).isEqualTo("field 'title' is blank");
        assertThat(rejected.position()).isEqualTo("2:8");
    }

    @Test
    void shouldRejectTitleThatIsAList() {
        ParseResult.Rejected rejected = reject(doc("title: [a, b]\nwebUrl: https://example.com/a"));

        assertThat(rejected.reason()).contains("'title'").contains("must be a string").contains("a list");
        assertThat(rejected.position()).isEqualTo("2:8");
    }

    @Test
    void shouldRejectRelatedThatIsNotAList() {
        ParseResult.Rejected rejected = reject(doc("title: T\nwebUrl: https://example.com/a\nrelated: nope"));

        assertThat(rejected.reason()).contains("'related'").contains("must be a list").contains("'nope'");
    }

    @Test
    void shouldRejectQualityThatIsNotANumber() {
        ParseResult.Rejected rejected = reject(doc("title: T\nwebUrl: https://example.com/a\nquality: high"));

        assertThat(rejected.reason()).contains("'quality'").contains("whole number").contains("'high'");
    }

    @Test
    void shouldRejectNestedFieldOfWrongTypeNamingItsPath() {
        ParseResult.Rejected rejected = reject(doc("title: T\nwebUrl: https://example.com/a\n"
                + "provider:\n  name: [x]\n"));

        assertThat(rejected.reason()).contains("'provider.name'");
    }

    @Test
    void shouldRejectMissingBothUrls() {
        ParseResult.Rejected rejected = reject(doc("title: No URL"));

        assertThat(rejected.reason()).contains("'webUrl'").contains("'originalUrl'");
    }

    @Test
    void shouldRejectUrlThatIsNotAbsoluteHttp() {
        ParseResult.Rejected rejected = reject(doc("title: T\nwebUrl: ftp://example.com/a"));

        assertThat(rejected.reason())
                .isEqualTo("field 'webUrl' is not an absolute http(s) URL: 'ftp://example.com/a'");
    }

    @Test
    void shouldRejectRelativeOriginalUrl() {
        ParseResult.Rejected rejected = reject(doc("title: T\noriginalUrl: /news/a.html"));

        assertThat(rejected.reason()).contains("'originalUrl'").contains("'/news/a.html'");
    }

    @Test
    void shouldRejectUnparseablePublishedDateTime() {
        ParseResult.Rejected rejected = reject(doc(
                "title: T\nwebUrl: https://example.com/a\npublishedDateTime: last tuesday"));

        assertThat(rejected.reason()).contains("'publishedDateTime'").contains("'last tuesday'");
    }

    @Test
    void shouldRejectDocumentOverTheSizeLimit() {
        FeedDocumentParser small = new FeedDocumentParser(ParserLimits.defaults().withMaxDocumentBytes(200));
        String text = doc("title: T\nwebUrl: https://example.com/a\nexcerpt: \"" + "x".repeat(300) + "\"");

        List<ParseResult> results = small.parse(SOURCE, text.getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);

        assertThat(results).singleElement().isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("document too large").contains("200 bytes"));
    }

    @Test
    void shouldRejectFileOverTheFileSizeLimitWithoutReadingItWhole() {
        FeedDocumentParser small = new FeedDocumentParser(ParserLimits.defaults().withMaxDocumentBytes(100)
                .withMaxFileBytes(100));
        byte[] big = doc("title: T\nwebUrl: https://example.com/a\nexcerpt: " + "y".repeat(500))
                .getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = small.parseStream(new java.io.ByteArrayInputStream(big), "stdin",
                InputFormat.FRONT_MATTER);

        assertThat(results).singleElement().isInstanceOfSatisfying(ParseResult.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("input too large"));
    }

    @Test
    void shouldRejectBillionLaughsAliasBombQuickly() {
        StringBuilder yaml = new StringBuilder("---\ntitle: lol\nwebUrl: https://example.com/a\n");
        yaml.append("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("---\n");

        ParseResult.Rejected rejected = reject(yaml.toString());

        assertThat(rejected.reason()).startsWith("YAML").containsIgnoringCase("aliases");
    }

    @Test
    void shouldRejectDeepNesting() {
        String deep = "[".repeat(200) + "]".repeat(200);

        ParseResult.Rejected rejected = reject(doc("title: T\nwebUrl: https://example.com/a\nx: " + deep));

        assertThat(rejected.reason()).startsWith("YAML").containsIgnoringCase("nesting");
    }

    @Test
    void shouldRejectCustomTags() {
        ParseResult.Rejected rejected = reject(doc(
                "title: !!javax.script.ScriptEngineManager [x]\nwebUrl: https://example.com/a"));

        assertThat(rejected.reason()).startsWith("YAML");
    }

    @Test
    void shouldRejectDuplicateKeys() {
        ParseResult.Rejected rejected = reject(doc("title: A\ntitle: B\nwebUrl: https://example.com/a"));

        assertThat(rejected.reason()).startsWith("YAML").contains("title");
    }

    @Test
    void shouldRejectFrontMatterThatIsNotAMapping() {
        ParseResult.Rejected rejected = reject(doc("- just\n- a list"));

        assertThat(rejected.reason()).contains("not a YAML mapping").contains("a list");
    }

    @Test
    void shouldRejectInvalidUtf8NamingTheOffset() {
        byte[] latin1 = doc("title: Caf\u00e9\nwebUrl: https://example.com/a").getBytes(StandardCharsets.ISO_8859_1);

        ParseResult.Rejected rejected = rejectBytes(latin1);

        assertThat(rejected.reason()).startsWith("not valid UTF-8").contains("0xE9").contains("byte offset 14");
        assertThat(rejected.position()).isEqualTo("2:11");
        assertThat(rejected.rawBytes()).isEqualTo(latin1);
    }

    @Test
    void shouldNameTheOffsetOfInvalidUtf8FarIntoALargeFile() {
        String padding = "excerpt: \"" + "\u00e9t\u00e9 ".repeat(5_000) + "\"\n";
        byte[] valid = doc(padding + "webUrl: https://example.com/a\ntitle: Caf").getBytes(StandardCharsets.UTF_8);
        byte[] invalid = java.util.Arrays.copyOf(valid, valid.length + 1);
        System.arraycopy(valid, valid.length - 5, invalid, valid.length - 4, 5);
        invalid[valid.length - 5] = (byte) 0xE9;

        ParseResult.Rejected rejected = rejectBytes(invalid);

        assertThat(rejected.reason()).startsWith("not valid UTF-8").contains("0xE9")
                .contains("byte offset " + (valid.length - 5));
    }

    @Test
    void shouldRejectBinaryFileWithNulBytes() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

        ParseResult.Rejected rejected = rejectBytes(binary);

        assertThat(rejected.reason()).startsWith("binary content").contains("byte offset 8");
    }

    @Test
    void shouldRejectInvalidJsonLineWithPosition() {
        byte[] jsonl = "{\"title\": \"T\", \"webUrl\": \"https://example.com/a\"}\n{\"title\": oops}\n"
                .getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = parser.parse("feed.jsonl", jsonl, InputFormat.JSON_LINES);

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(ParseResult.Rejected.class, rejected -> {
            assertThat(rejected.source()).isEqualTo("feed.jsonl:2");
            assertThat(rejected.reason()).startsWith("JSON syntax error at line 2");
            assertThat(rejected.position()).startsWith("2:");
        });
    }

    private ParseResult.Rejected reject(String text) {
        return rejectBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private ParseResult.Rejected rejectBytes(byte[] bytes) {
        List<ParseResult> results = parser.parse(SOURCE, bytes, InputFormat.FRONT_MATTER);
        assertThat(results).singleElement().isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) results.get(0);
    }

    static String doc(String yaml) {
        return "---\n" + yaml + "\n---\n";
    }
}
