package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.ParseResult;
import dev.storywire.ingest.ParserLimits;
import dev.storywire.model.CanonicalUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticArticlesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneFileForEachArticleAndEachCopy() throws IOException {
        SyntheticArticles.Feed feed = SyntheticArticles.write(dir, 300, 1, NOW);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(feed.files());
        }
        assertThat(feed.articles()).hasSize(300);
        assertThat(feed.duplicates()).isEqualTo(feed.articles().stream().mapToInt(a -> a.copyUrls().size()).sum())
                .isGreaterThan(100);
    }

    @Test
    void shouldGiveDistinctArticlesDistinctIdsAndCopiesTheirOriginalsId() {
        SyntheticArticles.Feed feed = SyntheticArticles.write(dir, 300, 1, NOW);

        assertThat(ScenarioContext.expectedIds(feed)).hasSize(300);
        feed.articles().forEach(article -> assertThat(article.copyUrls())
                .allSatisfy(copy -> assertThat(CanonicalUrl.canonicalId(copy))
                        .isEqualTo(CanonicalUrl.canonicalId(article.url()))));
    }

    @Test
    void shouldUseEveryUrlFormForCopies() {
        SyntheticArticles.Feed feed = SyntheticArticles.write(dir, 300, 1, NOW);

        assertThat(feed.articles().stream().flatMap(a -> a.copyUrls().stream()))
                .anyMatch(url -> url.contains("utm_source"))
                .anyMatch(url -> url.endsWith("/amp") && !url.contains("ampproject"))
                .anyMatch(url -> url.contains("cdn.ampproject.org"))
                .anyMatch(url -> url.endsWith("#comments"));
    }

    @Test
    void shouldWriteDocumentsTheIngestParserAccepts() throws IOException {
        SyntheticArticles.write(dir, 20, 1, NOW);
        FeedDocumentParser parser = new FeedDocumentParser(ParserLimits.defaults());

        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> assertThat(parser.parseFile(file)).as(file.toString()).singleElement()
                    .isInstanceOf(ParseResult.Parsed.class));
        }
    }

    @Test
    void shouldWriteTheSameFeedForTheSameSeed() throws IOException {
        SyntheticArticles.Feed first = SyntheticArticles.write(dir.resolve("a"), 50, 7, NOW);
        SyntheticArticles.Feed second = SyntheticArticles.write(dir.resolve("b"), 50, 7, NOW);

        assertThat(first.articles()).isEqualTo(second.articles());
        assertThat(Files.readString(dir.resolve("a/a000010.md"))).isEqualTo(Files.readString(dir.resolve("b/a000010.md")));
    }
}
