package dev.storywire.ingest;

import java.util.List;

/**
 * Told how far an ingest run has got, for a progress bar or periodic log lines. Called on the thread that runs
 * {@link FeedIngestor#ingest}; implementations must be quick (they run once per file).
 */
public interface IngestProgress {

    /** Reports nothing. */
    IngestProgress NONE = new IngestProgress() {
    };

    /** Before the first file is read, with the number of input files ({@code 1} for standard input). */
    default void started(int files) {
    }

    /**
     * A file (or standard input) was read and cut into {@code results}. They are sent once every input is parsed, in
     * publish-time order ({@link PublishTimeOrder}).
     */
    default void fileParsed(String source, List<ParseResult> results) {
    }

    /** Every document was sent and acknowledged (or the run failed); {@code report} is final. */
    default void finished(IngestReport report) {
    }
}
