package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Hashing;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedDocumentParserTest {

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    private static final String MINIMAL = "title: T\nwebUrl: https://www.example.com/a/?utm_source=x";

    private final FeedDocumentParser parser =
            new FeedDocumentParser(ParserLimits.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldParseEveryFrontMatterBlockOfAFileAndIgnoreBodies() {
        String text = "---\ntitle: One\nwebUrl: https://example.com/1\n---\nBody of one.\n\n"
                + "---\ntitle: Two\nwebUrl: https://example.com/2\n---\nBody of two.\n---\nnot closed: a rule\n";

        List<Article> articles = articles(text);

        assertThat(articles).extracting(Article::title).containsExactly("One", "Two");
        assertThat(articles).extracting(Article::contentHash).doesNotHaveDuplicates();
    }

    @Test
    void shouldHashAndKeepTheRawBytesOfEachDocument() {
        String first = "---\ntitle: One\nwebUrl: https://example.com/1\n---\n";
        List<ParseResult> results = parse(first + "text\n---\ntitle: Two\nwebUrl: https://example.com/2\n---\n");

        ParseResult.Parsed parsed = (ParseResult.Parsed) results.get(0);
        assertThat(new String(parsed.rawBytes(), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(parsed.article().contentHash()).isEqualTo(Hashing.sha256Hex(first));
    }

    @Test
    void shouldDeriveIdFromWebUrlAndFillSourceAndIngestTime() {
        Article article = articles(FeedDocumentParserRejectionTest.doc(MINIMAL)).get(0);

        assertThat(article.id()).isEqualTo("example.com/a");
        assertThat(article.source()).isEqualTo("doc.md");
        assertThat(article.ingestedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldDeriveIdFromOriginalUrlWhenWebUrlIsAbsent() {
        Article article = articles(FeedDocumentParserRejectionTest.doc("title: T\noriginalUrl: https://b.org/x/")).get(0);

        assertThat(article.id()).isEqualTo("b.org/x");
        assertThat(article.webUrl()).isNull();
    }

    @Test
    void shouldKeepUnknownFieldsAsExtra() {
        Article article = articles(FeedDocumentParserRejectionTest.doc(MINIMAL
                + "\nauthor: Jane\nscores: {a: 1}\nseen: 2021-05-18T19:18:00Z")).get(0);

        assertThat(article.extra()).containsEntry("author", "Jane")
                .containsEntry("scores", Map.of("a", 1))
                .containsEntry("seen", "2021-05-18T19:18:00Z");
    }

    @Test
    void shouldReadUnquotedQuotedZonelessAndDateOnlyTimestamps() {
        assertThat(publishedOf("2021-05-18T19:18:00Z")).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
        assertThat(publishedOf("\"2021-05-18T21:18:00+02:00\"")).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
        assertThat(publishedOf("\"2021-05-18T19:18:00\"")).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
        assertThat(publishedOf("2021-05-18")).isEqualTo(Instant.parse("2021-05-18T00:00:00Z"));
        assertThat(publishedOf("\"2021-05-18\"")).isEqualTo(Instant.parse("2021-05-18T00:00:00Z"));
        assertThat(publishedOf("\"Tue, 18 May 2021 19:18:00 GMT\"")).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
    }

    @Test
    void shouldDropOnlyTheRelatedItemWithABadUrl() {
        Article article = articles(FeedDocumentParserRejectionTest.doc(MINIMAL + "\nrelated:\n"
                + "  - title: Good\n    webUrl: https://example.org/good\n"
                + "  - title: Bad\n    webUrl: not a url\n"
                + "  - title: AMP only\n    ampWebUrl: https://example.org/amp/story\n")).get(0);

        assertThat(article.related()).extracting(related -> related.title()).containsExactly("Good", "AMP only");
        assertThat(article.related()).extracting(related -> related.id())
                .containsExactly("example.org/good", "example.org/story");
    }

    @Test
    void shouldTolerateCrlfLineEndingsAndAByteOrderMark() {
        String text = "\uFEFF---\r\ntitle: Windows\r\nwebUrl: https://example.com/w\r\n---\r\n";

        assertThat(articles(text)).extracting(Article::title).containsExactly("Windows");
    }

    @Test
    void shouldReadEveryDocumentOfAYamlStream() {
        byte[] yaml = ("title: First\nwebUrl: https://example.com/1\n---\ntitle: Second\nwebUrl: https://example.com/2\n")
                .getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = parser.parse("feed.yaml", yaml, InputFormat.YAML);

        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result).isInstanceOf(ParseResult.Parsed.class));
    }

    @Test
    void shouldNameJsonLinesDocumentsByLine() {
        byte[] jsonl = ("{\"title\": \"A\", \"webUrl\": \"https://example.com/a\", \"quality\": 5,"
                + " \"publishedDateTime\": \"2021-05-18T19:18:00Z\", \"topics\": [\"AI\"]}\n\n"
                + "{\"title\": \"B\", \"originalUrl\": \"https://example.com/b\", \"related\": []}\n")
                .getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = parser.parse("in/feed.jsonl", jsonl, InputFormat.JSON_LINES);

        assertThat(results).extracting(ParseResult::source).containsExactly("in/feed.jsonl:1", "in/feed.jsonl:3");
        Article first = ((ParseResult.Parsed) results.get(0)).article();
        assertThat(first.quality()).isEqualTo(5);
        assertThat(first.topics()).containsExactly("AI");
        assertThat(first.publishedDateTime()).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
    }

    @Test
    void shouldReadStandardInput() {
        byte[] bytes = FeedDocumentParserRejectionTest.doc(MINIMAL).getBytes(StandardCharsets.UTF_8);

        List<ParseResult> results = parser.parseStream(new ByteArrayInputStream(bytes),
                FeedDocumentParser.STDIN_SOURCE, InputFormat.FRONT_MATTER);

        assertThat(results).singleElement().extracting(ParseResult::source).isEqualTo("stdin");
    }

    private Instant publishedOf(String yamlValue) {
        return articles(FeedDocumentParserRejectionTest.doc(MINIMAL + "\npublishedDateTime: " + yamlValue))
                .get(0).publishedDateTime();
    }

    private List<ParseResult> parse(String text) {
        return parser.parse("doc.md", text.getBytes(StandardCharsets.UTF_8), InputFormat.FRONT_MATTER);
    }

    private List<Article> articles(String text) {
        List<ParseResult> results = parse(text);
        assertThat(results).allSatisfy(result -> assertThat(result).as("%s", result)
                .isInstanceOf(ParseResult.Parsed.class));
        return results.stream().map(result -> ((ParseResult.Parsed) result).article()).toList();
    }
}
