package dev.storywire.app.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of {@code storywire eval --orders N}: one {@link QualityReport} per arrival order, and the minimum,
 * median and maximum of B-cubed and pairwise F1 over the orders. The baselines do not depend on the order.
 *
 * @param runs the orders in the order they ran; the first is the one {@code run} delivers
 */
public record OrdersReport(String window, List<Run> runs, Instant measuredAt) {

    /** One order and what the pipeline made of it. */
    public record Run(ArrivalOrder order, QualityReport report) {
    }

    public OrdersReport {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
    }

    public Spread bcubedF1() {
        return Spread.of(runs.stream().map(run -> run.report().pipeline().bcubedF1()).toList());
    }

    public Spread pairwiseF1() {
        return Spread.of(runs.stream().map(run -> run.report().pipeline().pairF1()).toList());
    }

    /**
     * The JSON tree written to {@code bench/results/quality-<window>.json}: the spreads, the fields of one
     * {@link QualityReport} for the order {@code run} delivers ({@code pipeline} among them, so readers of the
     * single-order report keep working) with {@code missingFromDatabase} as the most over all orders, and the
     * figures per order.
     */
    public Map<String, Object> toJson() {
        QualityReport asRun = runs.get(0).report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("window", window);
        json.put("measuredAt", measuredAt.toString());
        json.put("orders", runs.size());
        json.put("bcubedF1", bcubedF1().toJson());
        json.put("pairwiseF1", pairwiseF1().toJson());
        json.put("documents", asRun.documents());
        json.put("missingFromDatabase", runs.stream().mapToInt(run -> run.report().missing()).max().orElse(0));
        json.put("predictedStories", asRun.stories());
        json.put("goldStories", asRun.goldStories());
        json.put("pipeline", QualityReport.figures(asRun.pipeline()));
        json.put("baselineSingletons", QualityReport.figures(asRun.singletons()));
        json.put("baselineRelatedLinkComponents", QualityReport.figures(asRun.relatedLinks()));
        List<Map<String, Object>> perOrder = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("order", run.order().kind().label());
            if (run.order().kind() == ArrivalOrder.Kind.SHUFFLED) {
                order.put("seed", run.order().seed());
            }
            order.put("missingFromDatabase", run.report().missing());
            order.put("predictedStories", run.report().stories());
            order.putAll(QualityReport.figures(run.report().pipeline()));
            perOrder.add(order);
        }
        json.put("perOrder", perOrder);
        return json;
    }

    /** Lines for the terminal: one per order, then the spreads and the baselines. */
    public List<String> lines() {
        QualityReport asRun = runs.get(0).report();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Window %s: %d labelled documents, %d gold stories, %d arrival orders",
                window, asRun.documents(), asRun.goldStories(), runs.size()));
        lines.add(String.format(Locale.ROOT, "%-26s %s", "", "B3-P   B3-R   B3-F1  pair-P pair-R pair-F1 stories missing"));
        for (Run run : runs) {
            lines.add(String.format(Locale.ROOT, "%s %7d %7d", QualityReport.line(run.order().name(),
                    run.report().pipeline()), run.report().stories(), run.report().missing()));
        }
        lines.add(QualityReport.line("baseline: singletons", asRun.singletons()));
        lines.add(QualityReport.line("baseline: related links", asRun.relatedLinks()));
        lines.add(spreadLine("B-cubed F1", bcubedF1()));
        lines.add(spreadLine("pairwise F1", pairwiseF1()));
        return lines;
    }

    private String spreadLine(String name, Spread spread) {
        return String.format(Locale.ROOT, "%-12s over %d orders: min %.3f  median %.3f  max %.3f  (spread %.3f)",
                name, runs.size(), spread.min(), spread.median(), spread.max(), spread.range());
    }
}
