package dev.storywire.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads feed inputs and publishes them: the one-shot {@code ingest} command. Files are parsed in parallel
 * ({@link ParseAhead}); the batch is then published in publish-time order ({@link PublishTimeOrder}), held in memory
 * up to a budget and spooled to a temporary file beyond it ({@link PublishOrderBuffer}).
 */
public final class FeedIngestor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedIngestor.class);

    private final FeedDocumentParser parser;
    private final FeedPublisher publisher;
    private final Supplier<PublishOrderBuffer> bufferFactory;

    /** Takes ownership of {@code publisher}: {@link #close()} closes it. */
    public FeedIngestor(FeedDocumentParser parser, FeedPublisher publisher) {
        this(parser, publisher, PublishOrderBuffer::withDefaultBudget);
    }

    /** With a given budget for holding a batch in memory before it spools to disk (for tests). */
    FeedIngestor(FeedDocumentParser parser, FeedPublisher publisher, Supplier<PublishOrderBuffer> bufferFactory) {
        this.parser = parser;
        this.publisher = publisher;
        this.bufferFactory = bufferFactory;
    }

    /** Files and directories (see {@link FeedInputs#expand}); all inputs are checked to exist before any is sent. */
    public IngestReport ingest(List<Path> inputs) {
        return ingest(inputs, IngestProgress.NONE);
    }

    /**
     * As {@link #ingest(List)}, telling {@code progress} about each file as it is parsed. Every document is parsed
     * first, then the batch is published in {@link PublishTimeOrder} (see {@link PublishOrderBuffer} for the memory
     * this takes); symbolic links that leave the input directories are skipped and listed in the report.
     */
    public IngestReport ingest(List<Path> inputs, IngestProgress progress) {
        FeedInputs.InputScan scan = FeedInputs.scan(inputs);
        List<Path> files = scan.files();
        progress.started(files.size());
        Iterator<Path> names = files.iterator();
        try (PublishOrderBuffer buffer = bufferFactory.get();
                Stream<List<ParseResult>> parsed = ParseAhead.stream(files, parser::parseFile,
                        ParseAhead.defaultThreads())) {
            parsed.forEach(results -> {
                progress.fileParsed(names.next().toString(), results);
                results.forEach(buffer::add);
            });
            LOG.info("Parsed {} documents from {} files; publishing them in publish-time order", buffer.size(),
                    files.size());
            return publishReporting(buffer.inPublishOrder(), progress).withSkipped(scan.skipped());
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
        return publishReporting(PublishTimeOrder.sortResults(results).iterator(), progress);
    }

    private IngestReport publishReporting(Iterator<ParseResult> results, IngestProgress progress) {
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
