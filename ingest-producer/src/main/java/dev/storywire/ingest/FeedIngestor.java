package dev.storywire.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads feed inputs and publishes them: the one-shot {@code ingest} command. Files are parsed one at a time as the
 * publisher consumes them, so a large directory never sits in memory whole.
 */
public final class FeedIngestor implements AutoCloseable {

    private final FeedDocumentParser parser;
    private final FeedPublisher publisher;

    /** Takes ownership of {@code publisher}: {@link #close()} closes it. */
    public FeedIngestor(FeedDocumentParser parser, FeedPublisher publisher) {
        this.parser = parser;
        this.publisher = publisher;
    }

    /** Files and directories (see {@link FeedInputs#expand}); all inputs are checked to exist before any is sent. */
    public IngestReport ingest(List<Path> inputs) {
        List<Path> files = FeedInputs.expand(inputs);
        return publisher.publish(files.stream().flatMap(file -> parser.parseFile(file).stream()));
    }

    /** Standard input or any stream, named {@code source} in records and reports. */
    public IngestReport ingest(InputStream in, String source, InputFormat format) {
        return publisher.publish(parser.parseStream(in, source, format));
    }

    public FeedDocumentParser parser() {
        return parser;
    }

    public FeedPublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        publisher.close();
    }
}
