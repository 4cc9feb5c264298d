package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFollowerTest {

    @TempDir
    Path feeds;
    @TempDir
    Path state;

    /** Collects batches in memory: the follower's sink, standing in for the Kafka publisher. */
    private final List<List<ParseResult>> batches = new ArrayList<>();
    private final List<IngestReport> callbacks = new ArrayList<>();

    @Test
    void shouldPublishNewFilesOnceAndChangedFilesAgain() throws IOException {
        write("a.md", "A");
        write("sub/b.md", "B");
        DirectoryFollower follower = follower(this::collect);

        IngestReport first = follower.pollOnce();
        IngestReport second = follower.pollOnce();
        write("a.md", "A, corrected");
        IngestReport third = follower.pollOnce();

        assertThat(first.published()).isEqualTo(2);
        assertThat(second).isEqualTo(IngestReport.EMPTY);
        assertThat(third.published()).isEqualTo(1);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).singleElement().satisfies(result ->
                assertThat(((ParseResult.Parsed) result).article().title()).isEqualTo("A, corrected"));
        assertThat(callbacks).containsExactly(first, third);
    }

    @Test
    void shouldPublishNothingAgainAfterARestart() throws IOException {
        write("a.md", "A");
        follower(this::collect).pollOnce();

        IngestReport afterRestart = follower(this::collect).pollOnce();

        assertThat(afterRestart).isEqualTo(IngestReport.EMPTY);
        assertThat(batches).hasSize(1);
    }

    @Test
    void shouldPublishRejectedDocumentsOnceToo() throws IOException {
        Files.writeString(feeds.resolve("broken.md"), "no front matter here");
        DirectoryFollower follower = follower(this::collect);

        IngestReport first = follower.pollOnce();
        IngestReport second = follower.pollOnce();

        assertThat(first.rejected()).isEqualTo(1);
        assertThat(second).isEqualTo(IngestReport.EMPTY);
    }

    @Test
    void shouldNotCheckpointABatchThatFailedToPublish() throws IOException {
        write("a.md", "A");
        AtomicInteger attempts = new AtomicInteger();
        DirectoryFollower failing = follower(batch -> {
            attempts.incrementAndGet();
            throw new PublishException("feed.articles", "a.md", IngestReport.EMPTY, new IOException("broker down"));
        });

        assertThatThrownBy(failing::pollOnce).isInstanceOf(PublishException.class);
        IngestReport retried = follower(this::collect).pollOnce();

        assertThat(attempts).hasValue(1);
        assertThat(retried.published()).isEqualTo(1);
    }

    @Test
    void shouldStopRunningWhenAskedTo() throws IOException {
        write("a.md", "A");
        AtomicInteger polls = new AtomicInteger();

        IngestReport total = follower(this::collect).run(() -> polls.incrementAndGet() <= 2);

        assertThat(total.published()).isEqualTo(1);
    }

    private DirectoryFollower follower(BatchSink sink) {
        DirectoryFollower.Options options = DirectoryFollower.Options.defaults()
                .withPollInterval(Duration.ofMillis(10))
                .withQuietPeriod(Duration.ZERO);
        return new DirectoryFollower(List.of(feeds), new FeedDocumentParser(), sink,
                FollowCheckpoint.load(state.resolve("checkpoint.json")), options, callbacks::add);
    }

    private IngestReport collect(List<ParseResult> batch) {
        batches.add(batch);
        long published = batch.stream().filter(ParseResult.Parsed.class::isInstance).count();
        List<IngestReport.Rejection> rejections = batch.stream()
                .filter(ParseResult.Rejected.class::isInstance)
                .map(result -> new IngestReport.Rejection(result.source(), ((ParseResult.Rejected) result).reason()))
                .toList();
        return new IngestReport(batch.size(), published, rejections.size(), rejections);
    }

    private void write(String relative, String title) throws IOException {
        Path file = feeds.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: \"" + title + "\"\nwebUrl: https://example.com/" + relative + "\n---\n");
    }
}
