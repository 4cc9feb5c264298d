package dev.storywire.app.ingest;

import dev.storywire.ingest.IngestProgress;
import dev.storywire.ingest.IngestReport;
import dev.storywire.ingest.ParseResult;
import java.io.PrintStream;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over the input files, on standard error of a terminal (progressbar library, redrawn in place). */
public final class IngestProgressBar implements IngestProgress {

    /** Redraw at most five times a second: smooth enough, and cheap next to parsing. */
    private static final int UPDATE_INTERVAL_MILLIS = 200;

    private final PrintStream terminal;
    private final DocumentCounts counts = new DocumentCounts();
    private ProgressBar bar;

    public IngestProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void started(int files) {
        bar = new ProgressBarBuilder()
                .setTaskName("Ingesting")
                .setInitialMax(files)
                .setUnit(" files", 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(UPDATE_INTERVAL_MILLIS)
                .setConsumer(new ConsoleProgressBarConsumer(terminal))
                .showSpeed()
                .build();
    }

    @Override
    public void fileParsed(String source, List<ParseResult> results) {
        counts.add(results);
        bar.step();
        bar.setExtraMessage(counts.documents() + " docs, " + counts.rejected() + " rejected");
    }

    @Override
    public void finished(IngestReport report) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
