package dev.storywire.ingest;

import static dev.storywire.ingest.TestTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Headers;
import dev.storywire.model.Topics;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole corpus, the seeds and one bad file per rejection reason: every document lands exactly once. */
class FeedIngestorCorpusIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    Path badDir;

    @Test
    void shouldPublishEveryDocumentExactlyOnceToArticlesOrToTheDeadLetterTopic() throws Exception {
        TestTopics topics = TestTopics.create(KAFKA, "corpus");
        Map<Path, String> badFiles = BadFeedFiles.writeInto(badDir);
        Path mixed = Files.writeString(badDir.resolve("mixed.md"), "---\ntitle: Good one\n"
                + "webUrl: https://example.com/mixed-good\n---\nbody\n---\ntitle: Bad one\nwebUrl: ftp://example.com/x\n---\n");
        Path lines = Files.writeString(badDir.resolve("lines.jsonl"),
                "{\"title\": \"Line one\", \"webUrl\": \"https://example.com/line-1\"}\n{\"title\": \n");
        // The corpus directory also holds SOURCE.md, a plain Markdown description without front matter.
        Path corpusReadme = SharedFeedFiles.CORPUS.resolve("SOURCE.md");
        List<Path> corpus = SharedFeedFiles.corpus();
        List<Path> seeds = SharedFeedFiles.seeds();
        List<String> progressSources = new ArrayList<>();

        IngestReport report;
        try (FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(),
                new FeedPublisher(topics.publisherConfig()))) {
            report = ingestor.ingest(List.of(SharedFeedFiles.CORPUS, SharedFeedFiles.SEEDS, badDir),
                    new IngestProgress() {
                        @Override
                        public void fileParsed(String source, List<ParseResult> results) {
                            progressSources.add(source);
                        }
                    });
        }

        List<ConsumerRecord<String, byte[]>> articles = topics.readToEnd(topics.articles());
        List<ConsumerRecord<String, byte[]>> dead = topics.readToEnd(topics.dlq());
        int expectedArticles = corpus.size() + seeds.size() + 2;
        int expectedDead = badFiles.size() + 3;
        assertThat(articles).hasSize(expectedArticles);
        assertThat(dead).hasSize(expectedDead);
        assertThat(report.read()).isEqualTo(expectedArticles + expectedDead);
        assertThat(report.published()).isEqualTo(expectedArticles);
        assertThat(report.rejected()).isEqualTo(expectedDead);
        assertThat(progressSources).hasSize(corpus.size() + 1 + seeds.size() + badFiles.size() + 2);

        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : articles) {
            Article article = Topics.ARTICLE_SERDE.deserialize(record.topic(), record.value());
            assertThat(record.key()).isEqualTo(article.id());
            assertThat(header(record, Headers.SOURCE)).isEqualTo(article.source());
            assertThat(header(record, Headers.CONTENT_HASH)).isEqualTo(article.contentHash());
            copies.merge(article.source() + "#" + article.contentHash(), 1, Integer::sum);
        }
        for (ConsumerRecord<String, byte[]> record : dead) {
            assertThat(header(record, Headers.DLQ_REASON)).as("reason of %s", record.key()).isNotBlank();
            copies.merge(record.key() + "#" + header(record, Headers.CONTENT_HASH), 1, Integer::sum);
        }
        assertThat(copies).as("documents seen more than once").allSatisfy((document, count) ->
                assertThat(count).as(document).isEqualTo(1));

        Set<String> articleSources = articles.stream().map(record -> header(record, Headers.SOURCE))
                .collect(Collectors.toSet());
        List<Path> good = new ArrayList<>(corpus);
        good.addAll(seeds);
        assertThat(articleSources).containsAll(good.stream().map(Path::toString).toList())
                .contains(mixed.toString(), lines + ":1");
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(ConsumerRecord::key,
                record -> header(record, Headers.DLQ_REASON), (first, second) -> first + " | " + second));
        badFiles.forEach((file, reason) -> assertThat(reasons.get(file.toString())).as("DLQ reason of %s", file)
                .containsIgnoringCase(reason));
        assertThat(reasons).containsKeys(corpusReadme.toString(), mixed.toString(), lines + ":2");
        assertThat(report.rejections()).extracting(IngestReport.Rejection::source)
                .containsExactlyInAnyOrderElementsOf(dead.stream().map(ConsumerRecord::key).toList());
    }
}
