package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the machine did during a benchmark window, from Linux's /proc: the cores busy, the share of this JVM and
 * the other processes that used the most CPU, so a result says what it shared the machine with.
 */
final class MachineLoad {

    /** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on every common Linux build). */
    private static final double TICKS = 100.0;

    private final long nanos = System.nanoTime();
    private final double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final long busyTicks = cpuTicks(1, 2, 3, 8);
    private final long interruptTicks = cpuTicks(6, 7);
    private final long ownCpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean()).getProcessCpuTime();
    private final Map<Long, ProcessTicks> processes = processes();

    private record ProcessTicks(String command, long ticks) {
    }

    static MachineLoad now() {
        return new MachineLoad();
    }

    double loadAverage() {
        return loadAverage;
    }

    /**
     * The window from {@code start} to this snapshot as JSON: cores busy in all, in this JVM and outside it, and the
     * busiest other processes alive at its end (one that ended within the window only counts in the totals).
     */
    ObjectNode since(MachineLoad start) {
        double seconds = (nanos - start.nanos) / 1e9;
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("seconds", round(seconds));
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageAtStart", round(start.loadAverage));
        json.put("loadAverageAtEnd", round(loadAverage));
        double own = (ownCpuNanos - start.ownCpuNanos) / 1e9 / seconds;
        if (busyTicks >= 0 && start.busyTicks >= 0) {
            double busy = (busyTicks - start.busyTicks) / TICKS / seconds;
            double interrupts = (interruptTicks - start.interruptTicks) / TICKS / seconds;
            json.put("coresBusy", round(busy + interrupts));
            json.put("coresInInterrupts", round(interrupts));
            json.put("coresBusyInOtherProcesses", round(Math.max(0, busy - own)));
        }
        json.put("coresBusyInThisJvm", round(own));
        long self = ProcessHandle.current().pid();
        ArrayNode others = json.putArray("busiestOtherProcesses");
        processes.entrySet().stream()
                .filter(e -> e.getKey() != self)
                .map(e -> Map.entry(e.getValue().command(), e.getValue().ticks() - Optional.ofNullable(
                        start.processes.get(e.getKey())).map(ProcessTicks::ticks).orElse(0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(6)
                .forEach(e -> others.addObject().put("command", e.getKey()).put("cores", round(e.getValue() / TICKS
                        / seconds)));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * The sum of the given columns of all CPUs' time in /proc/stat (1 user, 2 nice, 3 system, 6 irq, 7 softirq, for
     * example loopback network traffic, 8 steal); -1 if there is none.
     */
    private static long cpuTicks(int... columns) {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : columns) {
                busy += Long.parseLong(fields[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU ticks (user + system) and a short command line of every process that /proc shows. */
    private static Map<Long, ProcessTicks> processes() {
        Map<Long, ProcessTicks> all = new HashMap<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').trim();
                    if (command.isEmpty()) {
                        command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    }
                    all.put(Long.parseLong(dir.getFileName().toString()), new ProcessTicks(
                            command.length() > 140 ? command.substring(0, 140) + "..." : command, ticks));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // not Linux: no per-process figures
        }
        return all;
    }
}
