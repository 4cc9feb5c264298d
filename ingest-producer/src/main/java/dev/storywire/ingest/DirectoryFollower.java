package dev.storywire.ingest;

import dev.storywire.model.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes new and changed feed files of directories as they appear ({@code --follow}).
 *
 * <p>It rescans the directories every poll interval (a rescan, unlike file-system events, also works on network
 * and container-mounted file systems and cannot miss events). A file is published when its content hash differs
 * from the checkpoint's; after a batch is acknowledged the checkpoint is saved, so delivery is at-least-once: a
 * crash between the two republishes that batch, which the downstream dedupe absorbs.
 */
public final class DirectoryFollower {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryFollower.class);
    /** Longest sleep between checks of {@code keepRunning}, so a stop request is seen quickly. */
    private static final Duration STOP_CHECK = Duration.ofMillis(200);

    private final List<Path> directories;
    private final FeedDocumentParser parser;
    private final BatchSink sink;
    private final FollowCheckpoint checkpoint;
    private final Options options;
    private final Consumer<IngestReport> onBatch;
    /** Links already reported as skipped, so each is reported once rather than at every scan. */
    private final Set<String> reportedSkips = new HashSet<>();

    /**
     * @param pollInterval time between rescans
     * @param quietPeriod a file modified more recently than this is left for the next scan (it may still be being
     *     written); {@link Duration#ZERO} takes every file at once
     * @param clock compares modification times with now
     */
    public record Options(Duration pollInterval, Duration quietPeriod, Clock clock) {

        /** Rescan every 2 s; wait until a file has not changed for 1 s. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), Duration.ofSeconds(1), Clock.systemUTC());
        }

        public Options withPollInterval(Duration interval) {
            return new Options(interval, quietPeriod, clock);
        }

        public Options withQuietPeriod(Duration quiet) {
            return new Options(pollInterval, quiet, clock);
        }
    }

    /**
     * @param onBatch called after each non-empty batch was published and checkpointed, with its report
     */
    public DirectoryFollower(List<Path> directories, FeedDocumentParser parser, BatchSink sink,
            FollowCheckpoint checkpoint, Options options, Consumer<IngestReport> onBatch) {
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("cannot follow " + directory + ": not a directory");
            }
        }
        this.directories = List.copyOf(directories);
        this.parser = parser;
        this.sink = sink;
        this.checkpoint = checkpoint;
        this.options = options;
        this.onBatch = onBatch;
    }

    /** Follows with a {@link FeedPublisher}. */
    public DirectoryFollower(List<Path> directories, FeedDocumentParser parser, FeedPublisher publisher,
            FollowCheckpoint checkpoint, Options options, Consumer<IngestReport> onBatch) {
        this(directories, parser, (BatchSink) publisher::publish, checkpoint, options, onBatch);
    }

    /**
     * Scans and publishes until {@code keepRunning} turns false or the thread is interrupted.
     *
     * @return the total of all batches
     * @throws PublishException when a batch cannot be written (its files stay unpublished in the checkpoint)
     */
    public IngestReport run(BooleanSupplier keepRunning) {
        LOG.info("Following {} every {} (checkpoint {}, {} files already published)", directories,
                options.pollInterval(), checkpoint.file(), checkpoint.size());
        IngestReport total = IngestReport.EMPTY;
        while (keepRunning.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            total = total.plus(pollOnce());
            if (!sleep(keepRunning)) {
                break;
            }
        }
        LOG.info("Stopped following {}: {} read, {} published, {} rejected", directories, total.read(),
                total.published(), total.rejected());
        return total;
    }

    /**
     * One scan: publishes new and changed files as one batch, in {@link PublishTimeOrder}, then saves the
     * checkpoint. Links that leave the directories are skipped, and listed in the report of the first scan that
     * finds them.
     */
    public IngestReport pollOnce() {
        Set<Path> present = new HashSet<>();
        List<ParseResult> batch = new ArrayList<>();
        List<FileVersion> versions = new ArrayList<>();
        List<IngestReport.Skipped> newlySkipped = new ArrayList<>();
        Instant settledBefore = options.clock().instant().minus(options.quietPeriod());
        for (Path directory : directories) {
            FeedInputs.InputScan scan = FeedInputs.scanDirectory(directory);
            scan.skipped().stream().filter(skipped -> reportedSkips.add(skipped.source())).forEach(newlySkipped::add);
            for (Path file : scan.files()) {
                present.add(file);
                readIfChanged(file, settledBefore).ifPresent(version -> {
                    versions.add(version);
                    batch.addAll(version.results());
                });
            }
        }
        checkpoint.retainOnly(present);
        if (batch.isEmpty()) {
            if (!versions.isEmpty()) {
                versions.forEach(version -> checkpoint.markPublished(version.file(), version.hash()));
                checkpoint.save();
            }
            return reportSkipsOnly(newlySkipped);
        }
        IngestReport report = sink.publish(PublishTimeOrder.sortResults(batch)).withSkipped(newlySkipped);
        versions.forEach(version -> checkpoint.markPublished(version.file(), version.hash()));
        checkpoint.save();
        LOG.info("Published {} new or changed files from {}: {} published, {} rejected", versions.size(),
                directories, report.published(), report.rejected());
        onBatch.accept(report);
        return report;
    }

    private IngestReport reportSkipsOnly(List<IngestReport.Skipped> skipped) {
        if (skipped.isEmpty()) {
            return IngestReport.EMPTY;
        }
        IngestReport report = IngestReport.EMPTY.withSkipped(skipped);
        onBatch.accept(report);
        return report;
    }

    /** A file's content at one scan and the documents in it. */
    private record FileVersion(Path file, String hash, List<ParseResult> results) {
    }

    private Optional<FileVersion> readIfChanged(Path file, Instant settledBefore) {
        try {
            if (Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
                LOG.debug("{}: modified within the last {}, left for the next scan", file, options.quietPeriod());
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > parser.limits().maxFileBytes()) {
                String hash = "size:" + size + ",modified:" + Files.getLastModifiedTime(file).toMillis();
                return checkpoint.isPublished(file, hash)
                        ? Optional.empty()
                        : Optional.of(new FileVersion(file, hash, parser.parseFile(file)));
            }
            byte[] bytes = Files.readAllBytes(file);
            String hash = Hashing.sha256Hex(bytes);
            if (checkpoint.isPublished(file, hash)) {
                return Optional.empty();
            }
            InputFormat format = InputFormat.forFileName(file).orElse(InputFormat.FRONT_MATTER);
            return Optional.of(new FileVersion(file, hash, parser.parse(file.toString(), bytes, format)));
        } catch (IOException e) {
            // Deleted or replaced between listing and reading: the next scan sees its new state.
            LOG.warn("{}: cannot read, retrying on the next scan: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private boolean sleep(BooleanSupplier keepRunning) {
        long remaining = options.pollInterval().toMillis();
        try {
            while (remaining > 0 && keepRunning.getAsBoolean()) {
                long step = Math.min(remaining, STOP_CHECK.toMillis());
                Thread.sleep(step);
                remaining -= step;
            }
            return keepRunning.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
