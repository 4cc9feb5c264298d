package dev.storywire.ops.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Prometheus registries set up the same way in every storywire process. */
public final class MeterRegistries {

    private MeterRegistries() {
    }

    /**
     * A Prometheus registry with JVM and process metrics, every meter tagged {@code application=<application>}.
     * It is also added to Micrometer's global registry, so that code the process does not wire by hand (a Connect
     * plugin, say) can record into it through {@code Metrics.globalRegistry}; {@link #release} removes it again.
     */
    public static PrometheusMeterRegistry prometheus(String application) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", application);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Metrics.addRegistry(registry);
        return registry;
    }

    /** Removes {@code registry} from the global registry and closes it. */
    public static void release(PrometheusMeterRegistry registry) {
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
