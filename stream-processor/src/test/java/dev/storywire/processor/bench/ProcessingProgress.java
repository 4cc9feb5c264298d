package dev.storywire.processor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link CountingClustering} saw of one benchmark run: how many records reached the clustering step, when the
 * first and the latest arrived, when the last tenth began, the CPU time of the process and of the stream thread over
 * that interval, and how many records the step sent to the {@code stories} topic.
 *
 * <p>Written by the one stream thread that runs the clustering task (the step reads a single-partition repartition
 * topic), read by the thread waiting for the run to end; volatile fields are enough for that.
 */
final class ProcessingProgress {

    /** The run is also timed in this many equal parts, to show whether the cost per article changes as it goes. */
    static final int TENTHS = 10;

    /** The JVM's CPU time over all its threads: the stream thread, but also the in-process broker, GC and JIT. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The CPU time of the calling thread: here the stream thread, which runs the whole topology. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long expected;
    private final long tailMark;
    private volatile long count;
    private volatile long firstNanos;
    private volatile long latestNanos;
    private volatile long tailStartNanos;
    private volatile long firstCpuNanos;
    private volatile long latestCpuNanos;
    private volatile long firstThreadCpuNanos;
    private volatile long latestThreadCpuNanos;
    private volatile long storyRecords;
    /** The calls that end each tenth of the expected count: {@code marks[k]} ends the k-th, {@code marks[0]} is 1. */
    private final long[] marks = new long[TENTHS + 1];
    /** Wall-clock and stream-thread CPU nanos at each mark, written once each by the stream thread. */
    private final long[] markNanos = new long[TENTHS + 1];
    private final long[] markThreadCpuNanos = new long[TENTHS + 1];
    private int nextMark;

    /**
     * @param expected how many records the dedupe step passes to clustering: the run is over when that many have
     *     been processed (more may follow when the feed holds updates, see {@link ClusterBenchmark})
     */
    ProcessingProgress(long expected) {
        if (expected <= 0) {
            throw new IllegalArgumentException("expected must be positive, got " + expected);
        }
        this.expected = expected;
        this.tailMark = expected - expected / 10;
        marks[0] = 1;
        for (int k = 1; k <= TENTHS; k++) {
            marks[k] = Math.max(k, expected * k / TENTHS);
        }
    }

    /** Called once per clustering {@code process()} call, before the step itself runs. */
    void recordProcessed() {
        long now = System.nanoTime();
        long n = count + 1;
        if (n == 1) {
            firstNanos = now;
            firstCpuNanos = processCpuNanos();
            firstThreadCpuNanos = THREADS.getCurrentThreadCpuTime();
        }
        if (n == tailMark) {
            tailStartNanos = now;
        }
        if (nextMark <= TENTHS && n == marks[nextMark]) {
            // Eleven CPU clock reads per run; the record counts of the parts are fixed in advance.
            markNanos[nextMark] = now;
            markThreadCpuNanos[nextMark] = THREADS.getCurrentThreadCpuTime();
            nextMark++;
        }
        if (n >= expected) {
            // Only from the expected count on: each CPU clock read is a system call, not worth paying per record.
            latestCpuNanos = processCpuNanos();
            latestThreadCpuNanos = THREADS.getCurrentThreadCpuTime();
        }
        latestNanos = now;
        count = n;
    }

    /** Called for every output of the clustering step that goes to the {@code stories} topic. */
    void recordStoryEmitted() {
        storyRecords++;
    }

    long count() {
        return count;
    }

    long expected() {
        return expected;
    }

    /** {@link System#nanoTime()} of the latest {@code process()} call; 0 before the first. */
    long latestNanos() {
        return latestNanos;
    }

    /** Records per second from the first to the latest call; 0 before the second. */
    double perSecondSoFar() {
        long n = count;
        long elapsed = latestNanos - firstNanos;
        return n < 2 || elapsed <= 0 ? 0 : n / (elapsed / 1e9);
    }

    boolean reachedExpected() {
        return count >= expected;
    }

    /** The figures; call after the run ended. */
    Measurement measurement() {
        long n = count;
        List<Part> tenths = new ArrayList<>();
        for (int k = 1; k <= TENTHS && k < nextMark; k++) {
            tenths.add(new Part(marks[k] - marks[k - 1], (markNanos[k] - markNanos[k - 1]) / 1e9,
                    (markThreadCpuNanos[k] - markThreadCpuNanos[k - 1]) / 1e9));
        }
        return new Measurement(n, (latestNanos - firstNanos) / 1e9, n - tailMark,
                (latestNanos - tailStartNanos) / 1e9, (latestCpuNanos - firstCpuNanos) / 1e9,
                (latestThreadCpuNanos - firstThreadCpuNanos) / 1e9, storyRecords, List.copyOf(tenths));
    }

    /**
     * One part of a run: the records between two marks, the wall-clock and the stream-thread CPU time between the
     * calls that reached them.
     */
    record Part(long records, double seconds, double streamThreadCpuSeconds) {

        double perSecond() {
            return records / seconds;
        }

        double perStreamThreadCpuSecond() {
            return records / streamThreadCpuSeconds;
        }
    }

    private static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /**
     * One run's figures.
     *
     * @param records records the clustering step processed
     * @param seconds wall-clock time from the first to the latest {@code process()} call
     * @param tailRecords records processed after the 90 % mark of the expected count (the last tenth)
     * @param tailSeconds wall-clock time from the call that reached the mark to the latest call
     * @param processCpuSeconds CPU time of the whole JVM over {@code seconds}, broker included
     * @param streamThreadCpuSeconds CPU time of the stream thread over {@code seconds}: the topology's own work
     *     (dedupe, clustering, serialisation, handing records to the producer), not inflated when other processes
     *     compete for the cores
     * @param storyRecords records the step sent to the {@code stories} topic (story versions and tombstones)
     * @param tenths the run in {@value #TENTHS} parts of the expected count, in order (fewer when it ended early)
     */
    record Measurement(long records, double seconds, long tailRecords, double tailSeconds, double processCpuSeconds,
            double streamThreadCpuSeconds, long storyRecords, List<Part> tenths) {

        double perSecond() {
            return records / seconds;
        }

        double tailPerSecond() {
            return tailRecords / tailSeconds;
        }

        double perCpuSecond() {
            return records / processCpuSeconds;
        }

        double perStreamThreadCpuSecond() {
            return records / streamThreadCpuSeconds;
        }
    }
}
