package dev.storywire.ingest;

import static dev.storywire.ingest.FeedDocumentParserRejectionTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values no database stores and documents that aliases blow up (issue 21, defects 2 and 3). */
class FeedDocumentParserHostileInputTest {

    private static final String SOURCE = "test/hostile.md";
    private static final String URL = "webUrl: https://example.com/a";

    private final FeedDocumentParser parser = new FeedDocumentParser();

    @Test
    void shouldRejectTheYamlEscapeOfNulInTheTitleNamingTheField() {
        ParseResult.Rejected rejected = reject(doc("title: \"Breaking\\0 news\"\n" + URL));

        assertThat(rejected.reason()).startsWith("field 'title' contains a NUL character (U+0000)")
                .contains("character 9");
        assertThat(rejected.position()).isEqualTo("2:8");
    }

    @Test
    void shouldRejectNulInANestedFieldNamingItsPath() {
        ParseResult.Rejected rejected = reject(doc("title: T\n" + URL
                + "\nrelated:\n  - title: ok\n    webUrl: https://example.com/b\n"
                + "  - title: \"bad\\x00\"\n    webUrl: https://example.com/c"));

        assertThat(rejected.reason()).startsWith("field 'related[1].title' contains a NUL character");
    }

    @Test
    void shouldRejectNulInAnUnknownFieldAndInAKey() {
        assertThat(reject(doc("title: T\n" + URL + "\nextra:\n  note: \"\\u0000\"")).reason())
                .startsWith("field 'extra.note' contains a NUL character");
        assertThat(reject(doc("title: T\n" + URL + "\n\"k\\0\": v")).reason())
                .startsWith("field name 'k\\u0000' contains a NUL character");
    }

    @Test
    void shouldRejectNulEscapedInAJsonLine() {
        byte[] jsonl = "{\"title\": \"a\\u0000b\", \"webUrl\": \"https://example.com/a\"}\n"
                .getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = parser.parse("feed.jsonl", jsonl, InputFormat.JSON_LINES);

        assertThat(results).singleElement().isInstanceOfSatisfying(ParseResult.Rejected.class, rejected ->
                assertThat(rejected.reason()).startsWith("field 'title' contains a NUL character"));
    }

    @Test
    void shouldRejectAnUnpairedSurrogateEscape() {
        ParseResult.Rejected rejected = reject(doc("title: \"half \\uD800 a pair\"\n" + URL));

        assertThat(rejected.reason()).startsWith("field 'title' contains an unpaired surrogate (U+D800)");
    }

    @Test
    void shouldKeepOtherControlCharactersThatDatabasesStore() {
        List<ParseResult> results = parser.parse(SOURCE,
                doc("title: \"Tab\\tand bell\\a\"\n" + URL).getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);

        assertThat(results).singleElement().isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void shouldRejectAScalarReferencedManyTimesByTheSizeItExpandsTo() {
        // The document: 401 KB whose 400 KB scalar is referenced 500 times expands to 200 MB.
        StringBuilder yaml = new StringBuilder("title: T\n" + URL + "\nbig: &big \"" + "x".repeat(400_000) + "\"\n");
        yaml.append("copies: [").append("*big, ".repeat(499)).append("*big]");

        ParseResult.Rejected rejected = reject(doc(yaml.toString()));

        assertThat(rejected.reason()).startsWith("YAML aliases").contains("500 aliases");
    }

    @Test
    void shouldRejectAliasesThatExpandPastTheLimitEvenWithFewAliases() {
        // 40 aliases (under the alias limit) of a 30 KB list: about 1.2 MB expanded, over the 1 MiB limit.
        String list = "[" + ("\"" + "y".repeat(1000) + "\", ").repeat(29) + "\"y\"]";
        StringBuilder yaml = new StringBuilder("title: T\n" + URL + "\nlist: &l " + list + "\ncopies: [");
        yaml.append("*l, ".repeat(39)).append("*l]");

        ParseResult.Rejected rejected = reject(doc(yaml.toString()));

        assertThat(rejected.reason()).startsWith("expanded document too large").contains("over the limit of 1048576");
    }

    @Test
    void shouldCountScalarAliasesAgainstTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("title: &t T\n" + URL + "\ncopies: [");
        yaml.append("*t, ".repeat(ParserLimits.DEFAULT_MAX_ALIASES)).append("*t]");

        ParseResult.Rejected rejected = reject(doc(yaml.toString()));

        assertThat(rejected.reason()).startsWith("YAML aliases").contains("51 aliases").contains("limit of 50");
    }

    @Test
    void shouldAcceptAFewSmallAliases() {
        List<ParseResult> results = parser.parse(SOURCE, doc("title: &t T\n" + URL + "\nheadline: *t")
                .getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);

        assertThat(results).singleElement().isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void shouldRejectARecursiveAlias() {
        ParseResult.Rejected rejected = reject(doc("title: T\n" + URL + "\nloop: &loop [1, *loop]"));

        assertThat(rejected.reason()).startsWith("YAML aliases").contains("recursive");
    }

    private ParseResult.Rejected reject(String text) {
        List<ParseResult> results = parser.parse(SOURCE, text.getBytes(StandardCharsets.UTF_8),
                InputFormat.FRONT_MATTER);
        assertThat(results).singleElement().isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) results.get(0);
    }
}
