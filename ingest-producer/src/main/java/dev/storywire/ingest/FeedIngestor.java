package dev.storywire.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads feed inputs and publishes them: the one-shot {@code ingest} command. Files are parsed a few at a time,
 * ahead of the publisher and in parallel ({@link ParseAhead}), so a large directory never sits in memory whole.
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
        return ingest(inputs, IngestProgress.NONE);
    }

    /** As {@link #ingest(List)}, telling {@code progress} about each file as it is parsed. */
    public IngestReport ingest(List<Path> inputs, IngestProgress progress) {
        List<Path> files = FeedInputs.expand(inputs);
        progress.started(files.size());
        Iterator<Path> names = files.iterator();
        try (Stream<List<ParseResult>> parsed = ParseAhead.stream(files, parser::parseFile, ParseAhead.defaultThreads())) {
            return publishReporting(parsed.flatMap(results -> {
                progress.fileParsed(names.next().toString(), results);
                return results.stream();
            }), progress);
        }
    }

    /** Standard input or any stream, named {@code source} in records and reports. */
    public IngestReport ingest(InputStream in, String source, InputFormat format) {
        return ingest(in, source, format, IngestProgress.NONE);
    }

    /** As {@link #ingest(InputStream, String, InputFormat)}, telling {@code progress} once the input is parsed. */
    public IngestReport ingest(InputStream in, String source, InputFormat format, IngestProgress progress) {
        progress.started(1);
        List<ParseResult> results = parser.parseStream(in, source, format);
        progress.fileParsed(source, results);
        return publishReporting(results.stream(), progress);
    }

    private IngestReport publishReporting(Stream<ParseResult> results, IngestProgress progress) {
        try {
            IngestReport report = publisher.publish(results);
            progress.finished(report);
            return report;
        } catch (PublishException e) {
            progress.finished(e.partialReport());
            throw e;
        }
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
