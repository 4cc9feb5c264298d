package dev.storywire.app;

import dev.storywire.ingest.IngestReport;
import dev.storywire.sink.JdbcUrls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a run did, as the user sees it at the end. */
record RunSummary(IngestReport ingest, StoryDatabase.Contents database, String jdbcUrl, Duration elapsed) {

    private static final int MAX_REASONS = 5;

    /** The summary of a run; {@code jdbcUrl} is shown with its passwords masked. */
    static RunSummary of(IngestReport ingest, StoryDatabase.Contents database, String jdbcUrl, Duration elapsed) {
        return new RunSummary(ingest, database, JdbcUrls.mask(jdbcUrl), elapsed);
    }

    void print() {
        Console.out("");
        Console.out("storywire run finished in %.1f s", elapsed.toMillis() / 1000.0);
        Console.out("  documents read      %6d", ingest.read());
        Console.out("    published         %6d", ingest.published());
        Console.out("    rejected          %6d%s", ingest.rejected(),
                ingest.rejected() == 0 ? "" : "  (on topic feed.dlq, reason in header storywire.dlq.reason)");
        rejectionReasons().forEach((reason, count) -> Console.out("      %4d x %s", count, reason));
        if (!ingest.skipped().isEmpty()) {
            Console.out("  skipped (not read)  %6d  (symbolic links leaving the input directories, e.g. %s)",
                    ingest.skipped().size(), ingest.skipped().get(0).source());
        }
        Console.out("  unique articles     %6d", database.uniqueArticles());
        Console.out("  related articles    %6d", database.relatedArticles());
        Console.out("  stories             %6d", database.stories());
        if (!database.largest().isEmpty()) {
            Console.out("  largest stories:");
            database.largest().forEach(story -> Console.out("    %4d  %s  (%s)", story.articleCount(),
                    story.headline(), story.storyId()));
        }
        Console.out("  database            %s  (tables stories, story_articles)", jdbcUrl);
    }

    /** The most frequent rejection reasons, most frequent first, with the source-specific details cut off. */
    Map<String, Long> rejectionReasons() {
        Map<String, Long> counts = ingest.rejections().stream()
                .collect(Collectors.groupingBy(IngestReport.Rejection::reasonCode, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REASONS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
