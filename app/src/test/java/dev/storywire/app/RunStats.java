package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * bench/e2e: what the JVM (the whole pipeline) did during the measured part of a run: CPU used (in cores), GC time,
 * and the stream thread's own view from its metrics (share of time processing, committing and polling; commit
 * latency), read over JMX at the end of the run (Kafka's metrics there cover the last 30 s or so).
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
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName thread : server.queryNames(
                    new ObjectName("kafka.streams:type=stream-thread-metrics,*"), null)) {
                ObjectNode node = json.putObject("streamThread " + thread.getKeyProperty("thread-id"));
                for (String metric : new String[] {"process-ratio", "commit-ratio", "poll-ratio", "punctuate-ratio",
                        "commit-latency-avg", "commit-latency-max", "punctuate-latency-max", "process-rate"}) {
                    try {
                        Object value = server.getAttribute(thread, metric);
                        if (value instanceof Number n) {
                            node.put(metric, Math.round(n.doubleValue() * 1000) / 1000.0);
                        }
                    } catch (javax.management.JMException e) {
                        // not every metric exists on every thread-level MBean
                    }
                }
            }
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
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
