package dev.storywire.processor.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B-cubed and pairwise precision, recall and F1 of a predicted clustering against gold labels, over the items
 * both know.
 */
public record ClusteringScores(
        double bcubedPrecision, double bcubedRecall, double pairPrecision, double pairRecall, int items) {

    public double bcubedF1() {
        return f1(bcubedPrecision, bcubedRecall);
    }

    public double pairF1() {
        return f1(pairPrecision, pairRecall);
    }

    public static ClusteringScores of(Map<String, String> predicted, Map<String, String> gold) {
        List<String> items = gold.keySet().stream().filter(predicted::containsKey).sorted().toList();
        double precision = 0;
        double recall = 0;
        long bothPairs = 0;
        long predictedPairs = 0;
        long goldPairs = 0;
        Map<String, Long> predictedSizes = sizes(items, predicted);
        Map<String, Long> goldSizes = sizes(items, gold);
        for (String item : items) {
            long same = items.stream()
                    .filter(other -> predicted.get(other).equals(predicted.get(item))
                            && gold.get(other).equals(gold.get(item)))
                    .count();
            precision += (double) same / predictedSizes.get(predicted.get(item));
            recall += (double) same / goldSizes.get(gold.get(item));
            bothPairs += same - 1;
            predictedPairs += predictedSizes.get(predicted.get(item)) - 1;
            goldPairs += goldSizes.get(gold.get(item)) - 1;
        }
        int n = items.size();
        return new ClusteringScores(precision / n, recall / n, ratio(bothPairs, predictedPairs),
                ratio(bothPairs, goldPairs), n);
    }

    private static Map<String, Long> sizes(List<String> items, Map<String, String> clusters) {
        Map<String, Long> sizes = new HashMap<>();
        items.forEach(item -> sizes.merge(clusters.get(item), 1L, Long::sum));
        return sizes;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "B-cubed P %.3f R %.3f F1 %.3f; pairwise P %.3f R %.3f F1 %.3f; %d items",
                bcubedPrecision, bcubedRecall, bcubedF1(), pairPrecision, pairRecall, pairF1(), items);
    }
}
