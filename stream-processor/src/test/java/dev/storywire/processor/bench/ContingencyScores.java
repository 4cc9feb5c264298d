package dev.storywire.processor.bench;

import dev.storywire.processor.quality.ClusteringScores;
import java.util.HashMap;
import java.util.Map;

/**
 * The figures of {@link ClusteringScores#of} (B-cubed and pairwise precision and recall over the items both
 * clusterings know), computed from the contingency table instead of item by item: linear in the items, where
 * {@code ClusteringScores.of} compares every item with every other, too slow for a million articles.
 *
 * <p>With {@code n} the items in a cell (same predicted cluster, same gold cluster), {@code p} and {@code g} the
 * items of its predicted and gold cluster and {@code N} all items: B-cubed precision is {@code sum(n * n / p) / N},
 * recall {@code sum(n * n / g) / N}; pairwise precision is {@code sum C(n, 2) / sum C(p, 2)} over the predicted
 * clusters, recall the same over the gold clusters, 1 when there are no pairs to get wrong (as in
 * {@code ClusteringScores}).
 */
final class ContingencyScores {

    private ContingencyScores() {
    }

    /** One cell of the contingency table. */
    private record Cell(String predicted, String gold) {
    }

    static ClusteringScores of(Map<String, String> predicted, Map<String, String> gold) {
        Map<Cell, Long> cells = new HashMap<>();
        Map<String, Long> predictedSizes = new HashMap<>();
        Map<String, Long> goldSizes = new HashMap<>();
        gold.forEach((item, goldCluster) -> {
            String predictedCluster = predicted.get(item);
            if (predictedCluster != null) {
                cells.merge(new Cell(predictedCluster, goldCluster), 1L, Long::sum);
                predictedSizes.merge(predictedCluster, 1L, Long::sum);
                goldSizes.merge(goldCluster, 1L, Long::sum);
            }
        });
        return scores(cells, predictedSizes, goldSizes);
    }

    private static ClusteringScores scores(Map<Cell, Long> cells, Map<String, Long> predictedSizes,
            Map<String, Long> goldSizes) {
        double precision = 0;
        double recall = 0;
        long bothPairs = 0;
        long items = 0;
        for (Map.Entry<Cell, Long> cell : cells.entrySet()) {
            long n = cell.getValue();
            precision += (double) n * n / predictedSizes.get(cell.getKey().predicted());
            recall += (double) n * n / goldSizes.get(cell.getKey().gold());
            bothPairs += pairs(n);
            items += n;
        }
        return new ClusteringScores(precision / items, recall / items, ratio(bothPairs, pairs(predictedSizes)),
                ratio(bothPairs, pairs(goldSizes)), Math.toIntExact(items));
    }

    private static long pairs(Map<String, Long> clusterSizes) {
        return clusterSizes.values().stream().mapToLong(ContingencyScores::pairs).sum();
    }

    private static long pairs(long size) {
        return size * (size - 1) / 2;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
