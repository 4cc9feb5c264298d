package dev.storywire.ops.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Prometheus registry over HTTP: {@code GET /metrics} in the Prometheus text format, {@code GET /health}
 * answers {@code OK}. One dispatcher thread; scrapes are cheap and rare.
 */
public final class MetricsServer implements AutoCloseable {

    /** Prometheus text exposition format 0.0.4, what every Prometheus server scrapes. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code registry} on all interfaces at {@code port} (0 picks a free port). */
    public static MetricsServer start(PrometheusMeterRegistry registry, int port) {
        return start(registry, new InetSocketAddress(port));
    }

    public static MetricsServer start(PrometheusMeterRegistry registry, InetSocketAddress address) {
        Objects.requireNonNull(registry, "registry");
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.createContext("/metrics", exchange -> respond(exchange, TEXT_FORMAT, registry.scrape()));
            server.createContext("/health", exchange -> respond(exchange, "text/plain; charset=utf-8", "OK\n"));
            server.start();
            log.info("Serving metrics at http://{}:{}/metrics", address.getHostString(), server.getAddress().getPort());
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve metrics on " + address, e);
        }
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
