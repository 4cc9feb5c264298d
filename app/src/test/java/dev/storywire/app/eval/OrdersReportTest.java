package dev.storywire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.quality.ClusteringScores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersReportTest {

    private static final ClusteringScores SINGLETONS = new ClusteringScores(1.0, 0.5, 1.0, 0.0, 10);
    private static final ClusteringScores LINKS = new ClusteringScores(0.9, 0.8, 0.8, 0.7, 10);

    private static OrdersReport.Run run(ArrivalOrder.Kind kind, long seed, double precision, int missing) {
        ClusteringScores pipeline = new ClusteringScores(precision, 1.0, precision, 1.0, 10);
        QualityReport report = new QualityReport("2021-03", 10, missing, 4, 3, pipeline, SINGLETONS, LINKS,
                Instant.EPOCH);
        return new OrdersReport.Run(new ArrivalOrder(kind, seed, List.of(Path.of("a.md"))), report);
    }

    private static OrdersReport report() {
        return new OrdersReport("2021-03", List.of(
                run(ArrivalOrder.Kind.AS_RUN_DELIVERS_IT, 0, 1.0, 0),
                run(ArrivalOrder.Kind.FILE_ORDER, 0, 0.5, 0),
                run(ArrivalOrder.Kind.SHUFFLED, 7, 0.8, 2)), Instant.EPOCH);
    }

    @Test
    void shouldSummariseF1OverTheOrders() {
        OrdersReport report = report();

        assertThat(report.pairwiseF1().min()).isEqualTo(2 * 0.5 / 1.5);
        assertThat(report.pairwiseF1().median()).isEqualTo(2 * 0.8 / 1.8);
        assertThat(report.pairwiseF1().max()).isEqualTo(1.0);
        assertThat(report.bcubedF1()).isEqualTo(report.pairwiseF1());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteTheSpreadsThePerOrderFiguresAndTheBaselines() {
        Map<String, Object> json = report().toJson();

        assertThat(json).containsEntry("orders", 3).containsEntry("window", "2021-03")
                .containsEntry("missingFromDatabase", 2).containsEntry("documents", 10);
        assertThat((Map<String, Object>) json.get("pairwiseF1"))
                .containsEntry("min", 0.6667).containsEntry("median", 0.8889).containsEntry("max", 1.0);
        assertThat((Map<String, Object>) json.get("bcubedF1")).containsOnlyKeys("min", "median", "max");
        assertThat((Map<String, Object>) json.get("pipeline")).containsEntry("pairwiseF1", 1.0);
        assertThat((Map<String, Object>) json.get("baselineRelatedLinkComponents"))
                .containsEntry("bcubedPrecision", 0.9);
        List<Map<String, Object>> perOrder = (List<Map<String, Object>>) json.get("perOrder");
        assertThat(perOrder).extracting(order -> order.get("order"))
                .containsExactly("as run delivers it", "file order", "shuffled");
        assertThat(perOrder.get(2)).containsEntry("seed", 7L).containsEntry("missingFromDatabase", 2);
        assertThat(perOrder.get(0)).doesNotContainKey("seed");
    }

    @Test
    void shouldPrintOneLinePerOrderAndTheSpreads() {
        List<String> lines = report().lines();

        assertThat(lines).anyMatch(line -> line.startsWith("shuffled (seed 7)"));
        assertThat(lines).anyMatch(line -> line.startsWith("pairwise F1  over 3 orders: min 0.667  median 0.889  max 1.000"));
    }
}
