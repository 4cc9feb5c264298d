package dev.storywire.processor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's CPU time counters from {@code /proc/stat}: how much of the time the hypervisor gave the virtual
 * CPUs to someone else (steal). On a shared VM steal slows every figure of a run without any change of code: one
 * full benchmark run had 15-31 % steal through most of its longest phase and came out a third slower. Linux only;
 * elsewhere the counters are absent and the share is unknown.
 */
final class HostCpu {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Column of the steal ticks in the {@code cpu} line, after the label: user nice system idle iowait irq softirq steal. */
    private static final int STEAL_COLUMN = 8;

    private HostCpu() {
    }

    /** Ticks of all CPUs: {@code total} of every column, {@code steal} of the steal column. */
    record Sample(long total, long steal) {

        static final Sample UNKNOWN = new Sample(-1, -1);

        boolean known() {
            return total >= 0;
        }
    }

    static Sample sample() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return lines.isEmpty() ? Sample.UNKNOWN : parse(lines.get(0));
        } catch (IOException | RuntimeException e) {
            return Sample.UNKNOWN;
        }
    }

    /** The counters of a {@code cpu ...} line of {@code /proc/stat}; unknown for any other line. */
    static Sample parse(String cpuLine) {
        String[] columns = cpuLine.trim().split("\\s+");
        if (!columns[0].equals("cpu") || columns.length <= STEAL_COLUMN) {
            return Sample.UNKNOWN;
        }
        long total = 0;
        for (int i = 1; i < columns.length; i++) {
            total += Long.parseLong(columns[i]);
        }
        return new Sample(total, Long.parseLong(columns[STEAL_COLUMN]));
    }

    /** Percent of the CPU time between the samples that was stolen; {@code NaN} when either is unknown. */
    static double stealPercent(Sample from, Sample to) {
        if (!from.known() || !to.known() || to.total() <= from.total()) {
            return Double.NaN;
        }
        return 100.0 * (to.steal() - from.steal()) / (to.total() - from.total());
    }
}
