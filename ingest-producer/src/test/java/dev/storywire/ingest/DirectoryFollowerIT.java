package dev.storywire.ingest;

import static dev.storywire.ingest.TestTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Headers;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch}: a new file is published while following, and a restart publishes nothing again. */
class DirectoryFollowerIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    /** Rescan quickly and take files at once, so the test does not wait on the production defaults. */
    private static final DirectoryFollower.Options FAST = DirectoryFollower.Options.defaults()
            .withPollInterval(Duration.ofMillis(200)).withQuietPeriod(Duration.ZERO);
    /** Upper bound for a batch to arrive; reached only when the follower is broken. */
    private static final long BATCH_TIMEOUT_SECONDS = 60;

    @TempDir
    Path watched;

    @TempDir
    Path state;

    @Test
    void shouldPublishANewFileWhileFollowingAndNothingAgainAfterARestart() throws Exception {
        TestTopics topics = TestTopics.create(KAFKA, "follow");
        Path checkpointFile = state.resolve("checkpoint.json");
        Files.writeString(watched.resolve("first.md"), doc("First", "https://example.com/first"));
        FeedDocumentParser parser = new FeedDocumentParser();
        BlockingQueue<IngestReport> batches = new LinkedBlockingQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        try (FeedPublisher publisher = new FeedPublisher(topics.publisherConfig())) {
            DirectoryFollower follower = new DirectoryFollower(List.of(watched), parser, publisher,
                    FollowCheckpoint.load(checkpointFile), FAST, batches::add);
            CompletableFuture<IngestReport> run = CompletableFuture.supplyAsync(() -> follower.run(running::get));

            IngestReport existing = batches.poll(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Path added = publishAtomically(watched.resolve("sub").resolve("added.md"),
                    doc("Added later", "https://example.com/added"));
            IngestReport later = batches.poll(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            running.set(false);
            IngestReport total = run.get(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(existing).isNotNull().extracting(IngestReport::published).isEqualTo(1L);
            assertThat(later).isNotNull().extracting(IngestReport::published).isEqualTo(1L);
            assertThat(total.published()).isEqualTo(2);
            assertThat(topics.readToEnd(topics.articles())).extracting(record -> header(record, Headers.SOURCE))
                    .containsExactlyInAnyOrder(watched.resolve("first.md").toString(), added.toString());
        }

        try (FeedPublisher publisher = new FeedPublisher(topics.publisherConfig())) {
            DirectoryFollower restarted = new DirectoryFollower(List.of(watched), parser, publisher,
                    FollowCheckpoint.load(checkpointFile), FAST, batches::add);

            IngestReport afterRestart = restarted.pollOnce();

            assertThat(afterRestart).isEqualTo(IngestReport.EMPTY);
        }
        assertThat(topics.readToEnd(topics.articles())).hasSize(2);
        assertThat(topics.readToEnd(topics.dlq())).isEmpty();
    }

    /**
     * Writes a hidden temporary file (the follower skips dot files) and renames it, so no scan can see the file
     * half-written.
     */
    private static Path publishAtomically(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.writeString(file.resolveSibling("." + file.getFileName() + ".tmp"), text);
        return Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String doc(String title, String url) {
        return "---\ntitle: " + title + "\nwebUrl: " + url + "\n---\n";
    }
}
