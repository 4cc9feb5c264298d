package dev.storywire.app.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimum, median and maximum of one figure over several runs. The median of an even number of values is the mean
 * of the two middle ones.
 */
public record Spread(double min, double median, double max) {

    public static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new Spread(sorted.get(0), median, sorted.get(n - 1));
    }

    /** Maximum minus minimum. */
    public double range() {
        return max - min;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("min", QualityReport.round(min));
        json.put("median", QualityReport.round(median));
        json.put("max", QualityReport.round(max));
        return json;
    }
}
