package dev.storywire.app.eval;

import dev.storywire.processor.quality.ClusteringScores;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code storywire eval} run: the pipeline's clustering and the two baselines, scored against
 * the same labels in the same run.
 *
 * @param window the corpus window, e.g. {@code 2021-03}
 * @param documents labelled documents scored
 * @param missing labelled documents the database did not have (each scored as a story of its own)
 * @param stories distinct predicted stories among the labelled documents
 * @param goldStories distinct gold stories
 */
public record QualityReport(String window, int documents, int missing, long stories, long goldStories,
        ClusteringScores pipeline, ClusteringScores singletons, ClusteringScores relatedLinks, Instant measuredAt) {

    /** The JSON tree written to {@code bench/results/quality-<window>.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", window);
        json.put("measuredAt", measuredAt.toString());
        json.put("documents", documents);
        json.put("missingFromDatabase", missing);
        json.put("predictedStories", stories);
        json.put("goldStories", goldStories);
        json.put("pipeline", figures(pipeline));
        json.put("baselineSingletons", figures(singletons));
        json.put("baselineRelatedLinkComponents", figures(relatedLinks));
        return json;
    }

    /** Lines for the terminal, one per clustering. */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "Window %s: %d labelled documents (%d missing from the database), "
                        + "%d predicted stories, %d gold stories", window, documents, missing, stories, goldStories),
                String.format(Locale.ROOT, "%-26s %s", "", "B3-P   B3-R   B3-F1  pair-P pair-R pair-F1"),
                line("storywire", pipeline),
                line("baseline: singletons", singletons),
                line("baseline: related links", relatedLinks));
    }

    public static String line(String name, ClusteringScores s) {
        return String.format(Locale.ROOT, "%-26s %.3f  %.3f  %.3f  %.3f  %.3f  %.3f", name, s.bcubedPrecision(),
                s.bcubedRecall(), s.bcubedF1(), s.pairPrecision(), s.pairRecall(), s.pairF1());
    }

    static Map<String, Object> figures(ClusteringScores s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bcubedPrecision", round(s.bcubedPrecision()));
        json.put("bcubedRecall", round(s.bcubedRecall()));
        json.put("bcubedF1", round(s.bcubedF1()));
        json.put("pairwisePrecision", round(s.pairPrecision()));
        json.put("pairwiseRecall", round(s.pairRecall()));
        json.put("pairwiseF1", round(s.pairF1()));
        return json;
    }

    static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
