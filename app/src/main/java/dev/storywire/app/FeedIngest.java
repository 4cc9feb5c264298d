package dev.storywire.app;

import dev.storywire.ingest.DirectoryFollower;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.FeedInputs;
import dev.storywire.ingest.FeedIngestor;
import dev.storywire.ingest.FeedPublisher;
import dev.storywire.ingest.FollowCheckpoint;
import dev.storywire.ingest.IngestReport;
import dev.storywire.ingest.PublisherConfig;
import dev.storywire.model.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The producer side of {@code run}: one pass over the inputs, then optionally following directories. */
final class FeedIngest {

    private final PublisherConfig config;
    private final FeedDocumentParser parser = new FeedDocumentParser();

    FeedIngest(String bootstrapServers) {
        this.config = PublisherConfig.of(bootstrapServers);
    }

    /** Publishes every document under {@code inputs}; rejected ones go to the dead-letter topic. */
    IngestReport publish(List<Path> inputs) {
        try (FeedIngestor ingestor = new FeedIngestor(parser, new FeedPublisher(config))) {
            return ingestor.ingest(inputs);
        }
    }

    /**
     * Publishes new and changed files under {@code directories} until {@code keepRunning} turns false. Files
     * present now count as published already (the first pass took them).
     */
    void follow(List<Path> directories, Path checkpointFile, BooleanSupplier keepRunning,
            Consumer<IngestReport> onBatch) {
        FollowCheckpoint checkpoint = FollowCheckpoint.load(checkpointFile);
        directories.forEach(directory -> FeedInputs.feedFilesUnder(directory)
                .forEach(file -> checkpoint.markPublished(file, contentHash(file))));
        checkpoint.save();
        try (FeedPublisher publisher = new FeedPublisher(config)) {
            new DirectoryFollower(directories, parser, publisher, checkpoint, DirectoryFollower.Options.defaults(),
                    onBatch).run(keepRunning);
        }
    }

    private static String contentHash(Path file) {
        try {
            return Hashing.sha256Hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
