package dev.storywire.processor.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far from publish order the articles reached the clustering step: each article's lag is how much older its
 * record timestamp (the publish time) is than the latest one that arrived before it. Online clustering decides each
 * article with what it has seen so far, so its quality depends on this order. Written by the stream thread only, read
 * after the client closed.
 */
final class ArrivalLag {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private long latest = Long.MIN_VALUE;
    private long arrivals;
    private long lateByAnHour;
    private long lateByADay;
    private long maxLagMillis;
    private double lagMillisSum;

    /** Notes one arrival with its record timestamp. */
    void observe(long timestamp) {
        arrivals++;
        if (timestamp >= latest) {
            latest = timestamp;
            return;
        }
        long lag = latest - timestamp;
        lagMillisSum += lag;
        maxLagMillis = Math.max(maxLagMillis, lag);
        if (lag > HOUR.toMillis()) {
            lateByAnHour++;
        }
        if (lag > DAY.toMillis()) {
            lateByADay++;
        }
    }

    /** Share of arrivals more than an hour and more than a day late, mean and largest lag in hours. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("lateByOverAnHourShare", share(lateByAnHour));
        figures.put("lateByOverADayShare", share(lateByADay));
        figures.put("meanLagHours", arrivals == 0 ? 0.0 : round(lagMillisSum / arrivals / HOUR.toMillis()));
        figures.put("maxLagHours", round((double) maxLagMillis / HOUR.toMillis()));
        return figures;
    }

    private double share(long count) {
        return arrivals == 0 ? 0.0 : round((double) count / arrivals);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
