package dev.storywire.sink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storywire.testsupport.PostgresServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real PostgreSQL ({@link PostgresServer}), shared by all classes of one test JVM and
 * stopped when JUnit closes its root store. Without PostgreSQL the class is skipped with the reason.
 *
 * <pre>{@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}</pre>
 */
final class PostgresExtension implements BeforeAllCallback {

    /** Test data need not survive a power cut; durability would only slow the tests down. */
    private static final List<String> TEST_SETTINGS = List.of("fsync=off", "synchronous_commit=off",
            "full_page_writes=off");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        Shared shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Shared.class, key -> new Shared(PostgresServer.find(TEST_SETTINGS)), Shared.class);
        assumeTrue(shared.server().isPresent(), PostgresServer::unavailableReason);
        server = shared.server().get();
    }

    PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("PostgresExtension has not started yet: register it as a static field");
        }
        return server;
    }

    /** A new empty schema; returns a JDBC URL that writes into it. */
    String newSchema(String hint) {
        return server().createSchema(hint);
    }

    /** Closed with JUnit's root store (AutoCloseable for JUnit 5.13+, CloseableResource for older versions). */
    private record Shared(Optional<PostgresServer> server)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.ifPresent(PostgresServer::close);
        }
    }
}
