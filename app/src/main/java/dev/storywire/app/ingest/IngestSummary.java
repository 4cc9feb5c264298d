package dev.storywire.app.ingest;

import dev.storywire.ingest.IngestReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines printed at the end of {@code storywire ingest}.
 *
 * @param report what was read, published and rejected
 * @param articlesTopic where the articles went
 * @param dlqTopic where the rejected documents went
 * @param elapsed wall time of the run
 */
public record IngestSummary(IngestReport report, String articlesTopic, String dlqTopic, Duration elapsed) {

    /** Rejections listed one per line; the rest are counted (the full list is in {@code --report}). */
    static final int MAX_LISTED_REJECTIONS = 10;

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        lines.add(String.format(Locale.ROOT, "Read %d document(s) in %.1f s (%.0f documents/s): %d published to %s, "
                + "%d rejected to %s.", report.read(), seconds, report.read() / seconds, report.published(),
                articlesTopic, report.rejected(), dlqTopic));
        List<IngestReport.Rejection> rejections = report.rejections();
        rejections.stream().limit(MAX_LISTED_REJECTIONS)
                .forEach(rejection -> lines.add("  rejected " + rejection.source() + ": " + rejection.reason()));
        if (rejections.size() > MAX_LISTED_REJECTIONS) {
            lines.add("  ... and " + (rejections.size() - MAX_LISTED_REJECTIONS) + " more (see --report FILE)");
        }
        List<IngestReport.Skipped> skipped = report.skipped();
        if (!skipped.isEmpty()) {
            lines.add("Skipped " + skipped.size() + " path(s), not read:");
            skipped.stream().limit(MAX_LISTED_REJECTIONS)
                    .forEach(path -> lines.add("  skipped " + path.source() + ": " + path.reason()));
            if (skipped.size() > MAX_LISTED_REJECTIONS) {
                lines.add("  ... and " + (skipped.size() - MAX_LISTED_REJECTIONS) + " more (see --report FILE)");
            }
        }
        return lines;
    }
}
