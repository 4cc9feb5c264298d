package dev.storywire.processor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.cluster.ClusteringSettings;
import java.util.Collection;
import java.util.DoubleSummaryStatistics;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stories must not depend on arrival order: each labelled window clustered in ten orders (file order, reversed,
 * seven seeded shuffles, publish-time order) meets the targets in its worst order, and the pairwise F1 of the best
 * and worst order lie close together.
 */
class OrderRobustnessTest {

    private static final Logger LOG = LoggerFactory.getLogger(OrderRobustnessTest.class);

    @Test
    void shouldClusterMarch2021WellInEveryArrivalOrder() {
        Map<String, ClusteringScores> scores = scores("2021-03");

        assertThat(scores).hasSize(10);
        assertThat(min(scores.values(), ClusteringScores::bcubedF1)).isGreaterThanOrEqualTo(0.965);
        assertThat(min(scores.values(), ClusteringScores::pairF1)).isGreaterThanOrEqualTo(0.60);
        assertThat(spread(scores.values(), ClusteringScores::pairF1)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void shouldClusterMay2021WellInEveryArrivalOrder() {
        Map<String, ClusteringScores> scores = scores("2021-05");

        assertThat(min(scores.values(), ClusteringScores::bcubedF1)).isGreaterThanOrEqualTo(0.97);
        assertThat(min(scores.values(), ClusteringScores::pairF1)).isGreaterThanOrEqualTo(0.95);
        assertThat(spread(scores.values(), ClusteringScores::pairF1)).isLessThanOrEqualTo(0.05);
    }

    private static Map<String, ClusteringScores> scores(String window) {
        Map<String, ClusteringScores> scores = ArrivalOrders.scores(ArrivalOrders.Window.load(window),
                ClusteringSettings.defaults());
        scores.forEach((order, score) -> LOG.info("Window {}, {}: {}", window, order, score.describe()));
        return scores;
    }

    private static double min(Collection<ClusteringScores> scores, ToDoubleFunction<ClusteringScores> figure) {
        return statistics(scores, figure).getMin();
    }

    private static double spread(Collection<ClusteringScores> scores, ToDoubleFunction<ClusteringScores> figure) {
        DoubleSummaryStatistics statistics = statistics(scores, figure);
        return statistics.getMax() - statistics.getMin();
    }

    private static DoubleSummaryStatistics statistics(Collection<ClusteringScores> scores,
            ToDoubleFunction<ClusteringScores> figure) {
        return scores.stream().mapToDouble(figure).summaryStatistics();
    }
}
