package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * bench/e2e: what the JVM (the whole pipeline) did during the measured part of a run: CPU used (in cores, of the
 * machine's {@code availableProcessors}), GC time per second, resident memory at the end.
 */
final class RunStats {

    private final long startNanos = System.nanoTime();
    private final long startCpuNanos = processCpuNanos();
    private final long startGcMillis = gcMillis();

    ObjectNode finish() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("jvmCpuCores", Math.round((processCpuNanos() - startCpuNanos) / 1e9 / seconds * 100) / 100.0);
        json.put("gcMillisPerSecond", Math.round((gcMillis() - startGcMillis) / seconds * 10) / 10.0);
        json.put("jvmRssBytes", PipelineFootprint.residentBytes());
        return json;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
