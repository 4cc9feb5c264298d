package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Hashing;
import dev.storywire.model.RelatedItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedDocumentParserCorpusTest {

    private final FeedDocumentParser parser = new FeedDocumentParser();

    @Test
    void shouldParseEverySeedWithoutRejection() throws IOException {
        List<Path> seeds = SharedFeedFiles.seeds();

        assertThat(seeds).hasSize(5);
        assertThat(parseAll(seeds)).hasSize(5).allSatisfy(FeedDocumentParserCorpusTest::assertComplete);
    }

    @Test
    void shouldParseEveryCorpusFileWithoutRejection() throws IOException {
        List<Path> corpus = SharedFeedFiles.corpus();

        assertThat(corpus).hasSizeGreaterThan(200);
        List<Article> articles = parseAll(corpus);
        assertThat(articles).hasSameSizeAs(corpus).allSatisfy(FeedDocumentParserCorpusTest::assertComplete);
        assertThat(articles).anySatisfy(article -> assertThat(article.related()).isNotEmpty());
        assertThat(articles).anySatisfy(article -> assertThat(article.images()).isNotEmpty());
    }

    @Test
    void shouldMapEveryFieldOfASeed() throws IOException {
        Path seed = SharedFeedFiles.SEEDS.resolve("000_0d924a55044443c6.txt");
        ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parseFile(seed).get(0);
        Article article = parsed.article();

        assertThat(article.id()).isEqualTo("apnews.com/24363cebd3bbf6e07d14240e1475a1ff");
        assertThat(article.title()).isEqualTo("Amazon to continue pause on police use of facial recognition");
        assertThat(article.excerpt()).startsWith("Amazon said Tuesday");
        assertThat(article.publishedDateTime()).isEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
        assertThat(article.webUrl()).isEqualTo("https://apnews.com/24363cebd3bbf6e07d14240e1475a1ff");
        assertThat(article.originalUrl()).isEqualTo(article.webUrl());
        assertThat(article.type()).isEqualTo("article");
        assertThat(article.category()).isEqualTo("news");
        assertThat(article.quality()).isEqualTo(39);
        assertThat(article.heat()).isEqualTo(-1);
        assertThat(article.published()).isFalse();
        assertThat(article.provider().name()).isEqualTo("Associated Press");
        assertThat(article.provider().domain()).isEqualTo("apnews.com");
        assertThat(article.topics()).containsExactly("Computer Vision", "AI");
        assertThat(article.images()).singleElement().satisfies(image -> {
            assertThat(image.width()).isEqualTo(3000);
            assertThat(image.height()).isEqualTo(1941);
            assertThat(image.isCached()).isTrue();
        });
        RelatedItem first = article.related().get(0);
        assertThat(first.id()).isEqualTo(CanonicalUrl.canonicalId(first.webUrl()));
        assertThat(first.title()).isEqualTo("Police using facial recognition amidst claims of wrongful arrests");
        assertThat(first.publishedDateTime()).isEqualTo(Instant.parse("2021-05-17T04:08:00Z"));
        assertThat(first.cdnAmpWebUrl()).contains("cdn.ampproject.org");
        assertThat(first.provider().name()).isEqualTo("CBS News");
        assertThat(first.quality()).isEqualTo(74);
        assertThat(first.images()).hasSize(1);
        assertThat(article.secured()).startsWith("mJPPxqPHQ1");
        assertThat(article.extra()).isEmpty();
        assertThat(article.source()).isEqualTo(seed.toString());
        assertThat(new String(parsed.rawBytes(), StandardCharsets.UTF_8).strip())
                .as("the document's bytes are the front-matter block, delimiters included")
                .isEqualTo(Files.readString(seed).strip());
        assertThat(article.contentHash()).isEqualTo(Hashing.sha256Hex(parsed.rawBytes()));
        assertThat(article.ingestedAt()).isNotNull();
    }

    private List<Article> parseAll(List<Path> files) {
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            for (ParseResult result : parser.parseFile(file)) {
                assertThat(result).as("%s", result).isInstanceOf(ParseResult.Parsed.class);
                articles.add(((ParseResult.Parsed) result).article());
            }
        }
        return articles;
    }

    private static void assertComplete(Article article) {
        assertThat(article.id()).isNotBlank();
        assertThat(article.title()).isNotBlank();
        assertThat(article.publishedDateTime()).isNotNull();
        assertThat(article.contentHash()).hasSize(64);
        assertThat(article.related()).allSatisfy(related -> assertThat(related.id()).isNotBlank());
    }
}
