package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links never take ingest out of the directories it was given (issue 21, defect 6). */
class FeedInputsSymlinkTest {

    @TempDir
    Path dir;
    @TempDir
    Path outside;

    @Test
    void shouldSkipAFileLinkThatLeavesTheInputDirectoryAndSayWhy() throws IOException {
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path link = Files.createSymbolicLink(dir.resolve("leak.md"), secret);
        Path kept = touch("kept.md");

        FeedInputs.InputScan scan = FeedInputs.scan(List.of(dir));

        assertThat(scan.files()).containsExactly(kept);
        assertThat(scan.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.source()).isEqualTo(link.toString());
            assertThat(skipped.reason()).startsWith("symbolic link leaves the input directories")
                    .contains(secret.toRealPath().toString());
        });
        assertThat(FeedInputs.expand(List.of(dir))).containsExactly(kept);
    }

    @Test
    void shouldSkipADirectoryLinkThatLeavesTheInputDirectory() throws IOException {
        Files.writeString(outside.resolve("other.md"), "---\ntitle: x\n---\n");
        Path link = Files.createSymbolicLink(dir.resolve("elsewhere"), outside);

        FeedInputs.InputScan scan = FeedInputs.scan(List.of(dir));

        assertThat(scan.files()).isEmpty();
        assertThat(scan.skipped()).extracting(IngestReport.Skipped::source).containsExactly(link.toString());
    }

    @Test
    void shouldReadAFileLinkThatStaysInsideTheInputDirectory() throws IOException {
        Path target = touch("sub/a.md");
        Path link = Files.createSymbolicLink(dir.resolve("alias.md"), target);

        FeedInputs.InputScan scan = FeedInputs.scan(List.of(dir));

        assertThat(scan.files()).containsExactly(link, target);
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void shouldReportABrokenLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.md"), dir.resolve("missing.md"));

        FeedInputs.InputScan scan = FeedInputs.scan(List.of(dir));

        assertThat(scan.files()).isEmpty();
        assertThat(scan.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.source()).isEqualTo(link.toString());
            assertThat(skipped.reason()).startsWith("broken symbolic link");
        });
    }

    @Test
    void shouldWalkADirectoryNamedThroughALink() throws IOException {
        Path file = Files.writeString(outside.resolve("a.md"), "---\ntitle: x\n---\n");
        Path named = Files.createSymbolicLink(dir.resolve("feeds"), outside);

        FeedInputs.InputScan scan = FeedInputs.scan(List.of(named));

        assertThat(scan.files()).extracting(path -> path.getFileName().toString()).containsExactly("a.md");
        assertThat(scan.files().get(0).toRealPath()).isEqualTo(file.toRealPath());
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void shouldNotFollowALinkOutOfAWatchedDirectory() throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.md"), "---\ntitle: Secret\nwebUrl: https://x.org/s\n---\n");
        Files.createSymbolicLink(dir.resolve("leak.md"), secret);
        touch("kept.md");
        List<List<ParseResult>> batches = new java.util.ArrayList<>();
        DirectoryFollower follower = new DirectoryFollower(List.of(dir), new FeedDocumentParser(), batch -> {
            batches.add(batch);
            return IngestReport.of(batch.size(), 0, batch.stream().filter(ParseResult.Rejected.class::isInstance)
                    .map(r -> new IngestReport.Rejection(r.source(), ((ParseResult.Rejected) r).reason())).toList());
        }, FollowCheckpoint.load(outside.resolve("checkpoint.json")), DirectoryFollower.Options.defaults()
                .withQuietPeriod(java.time.Duration.ZERO), report -> { });

        IngestReport first = follower.pollOnce();
        IngestReport second = follower.pollOnce();

        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(ParseResult::source).containsExactly(dir.resolve("kept.md").toString()));
        assertThat(first.skipped()).extracting(IngestReport.Skipped::source)
                .containsExactly(dir.resolve("leak.md").toString());
        assertThat(second.skipped()).as("reported once, not at every scan").isEmpty();
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "---\ntitle: x\n---\n");
    }
}
