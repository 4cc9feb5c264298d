package dev.storywire.app.ingest;

import dev.storywire.ingest.IngestProgress;
import dev.storywire.ingest.ParseResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress as plain log lines every few seconds, for output that is not a terminal (CI logs, redirects, pipes). */
public final class IngestProgressLog implements IngestProgress {

    private static final Logger LOG = LoggerFactory.getLogger(IngestProgressLog.class);

    private final Duration interval;
    private final Clock clock;
    private final DocumentCounts counts = new DocumentCounts();
    private int totalFiles;
    private Instant nextLine;

    /** @param interval time between two progress lines */
    public IngestProgressLog(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** A line every 10 s. */
    public static IngestProgressLog everyTenSeconds() {
        return new IngestProgressLog(Duration.ofSeconds(10), Clock.systemUTC());
    }

    @Override
    public void started(int files) {
        totalFiles = files;
        nextLine = clock.instant().plus(interval);
        LOG.info("Ingesting {} input file(s)", files);
    }

    @Override
    public void fileParsed(String source, List<ParseResult> results) {
        counts.add(results);
        Instant now = clock.instant();
        if (!now.isBefore(nextLine)) {
            nextLine = now.plus(interval);
            LOG.info("Progress: {}/{} files, {} documents read, {} rejected so far (last file {})", counts.files(),
                    totalFiles, counts.documents(), counts.rejected(), source);
        }
    }
}
