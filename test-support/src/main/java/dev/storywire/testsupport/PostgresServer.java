package dev.storywire.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for tests and benchmarks, found in this order:
 * <ol>
 *   <li>{@value #URL_ENV} when set: an existing server, e.g.
 *       {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret}; the user needs
 *       {@code CREATE} on the database. Such a server cannot be stopped, so outage tests skip;</li>
 *   <li>a private server in a temporary directory, made with the {@code initdb} and {@code pg_ctl} of an
 *       installed PostgreSQL ({@code /usr/lib/postgresql/<version>/bin}, Debian's layout, or
 *       {@value #BIN_ENV}) on a free loopback port. PostgreSQL refuses to run as root, so as root the
 *       binaries run as the {@code postgres} user through {@code runuser}.</li>
 * </ol>
 * Each test gets a schema of its own from {@link #createSchema(String)}. The sink's tests and benchmark and the fault
 * harness's PostgreSQL outage use it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String URL_ENV = "STORYWIRE_TEST_POSTGRES_URL";
    public static final String BIN_ENV = "STORYWIRE_TEST_POSTGRES_BIN";
    /** The one role of a private server that must give a password (scram-sha-256); every other is trusted. */
    public static final String PASSWORD_USER = "storywire_pw";
    public static final String PASSWORD = "right-password";
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String SYSTEM_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String adminUrl;
    private final PrivateInstance instance;

    private PostgresServer(String adminUrl, PrivateInstance instance) {
        this.adminUrl = adminUrl;
        this.instance = instance;
    }

    /**
     * Connects to {@value #URL_ENV} or starts a private server; empty, with the reason logged, when neither
     * is possible.
     *
     * @param settings extra server settings for a private server, e.g. {@code fsync=off}
     */
    public static Optional<PostgresServer> find(List<String> settings) {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            LOG.info("Using the PostgreSQL server of {}", URL_ENV);
            return Optional.of(new PostgresServer(external.trim(), null));
        }
        Optional<Path> binaries = binaries();
        if (binaries.isEmpty()) {
            return Optional.empty();
        }
        PrivateInstance instance = PrivateInstance.create(binaries.get(), settings);
        instance.start();
        return Optional.of(new PostgresServer(instance.url("postgres"), instance));
    }

    /** Why {@link #find} came back empty, for skip messages. */
    public static String unavailableReason() {
        return "no PostgreSQL: set " + URL_ENV + " to a server's JDBC URL, or install PostgreSQL "
                + "(Debian: apt-get install -y postgresql) so that " + DEBIAN_BINARIES + "/<version>/bin/initdb exists";
    }

    /** The {@code bin} directory with the newest {@code initdb}: {@value #BIN_ENV}, else Debian's layout. */
    private static Optional<Path> binaries() {
        String configured = System.getenv(BIN_ENV);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured.trim()));
        }
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> majorVersion(bin.getParent())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DEBIAN_BINARIES, e);
        }
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Creates an empty schema and returns a JDBC URL (with the credentials of the server's URL) whose
     * {@code currentSchema} is that schema: a private namespace per test, far cheaper than a database.
     */
    public String createSchema(String hint) {
        String name = (hint.replaceAll("[^A-Za-z0-9_]", "_") + "_" + DATABASES.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement statement = c.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + ": " + e.getMessage(), e);
        }
        return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** {@code url} with its database name replaced, keeping host, port and query. */
    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + rest;
    }

    /**
     * A JDBC URL without password for {@value #PASSWORD_USER}, a role that must log in with the password
     * {@value #PASSWORD}; the role is created on first use. Only a private server requires passwords.
     */
    public String passwordUserUrl() {
        requirePrivate();
        try (Connection c = DriverManager.getConnection(adminUrl); Statement statement = c.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + PASSWORD_USER
                    + "') THEN CREATE ROLE " + PASSWORD_USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + PASSWORD_USER + ": " + e.getMessage(), e);
        }
        return instance.url("postgres").replace("user=postgres", "user=" + PASSWORD_USER);
    }

    /** The JDBC URL of the server's {@code postgres} database, as its superuser. */
    public String url() {
        return adminUrl;
    }

    /** True when this is a private server that {@link #stop()} and {@link #start()} can take down and up. */
    public boolean canRestart() {
        return instance != null;
    }

    /** Stops the private server (fast shutdown: open connections are cut, as in an outage). */
    public void stop() {
        requirePrivate().stop();
    }

    /** Starts the private server again on the same port, with the same data. */
    public void start() {
        requirePrivate().start();
    }

    private PrivateInstance requirePrivate() {
        if (instance == null) {
            throw new IllegalStateException("the server of " + URL_ENV + " is not ours to stop");
        }
        return instance;
    }

    @Override
    public void close() {
        if (instance != null) {
            instance.destroy();
        }
    }

    /** A server process of our own over a data directory in a temporary directory. */
    private static final class PrivateInstance {

        private final Path bin;
        private final Path home;
        private final Path data;
        private final int port;
        private final List<String> settings;
        private final boolean asPostgresUser;

        private PrivateInstance(Path bin, Path home, int port, List<String> settings, boolean asPostgresUser) {
            this.bin = bin;
            this.home = home;
            this.data = home.resolve("data");
            this.port = port;
            this.settings = settings;
            this.asPostgresUser = asPostgresUser;
        }

        static PrivateInstance create(Path bin, List<String> settings) {
            boolean root = "root".equals(System.getProperty("user.name"));
            try {
                Path home = Files.createTempDirectory("storywire-pg-");
                if (root) {
                    UserPrincipal owner = home.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByName(SYSTEM_USER);
                    Files.setOwner(home, owner);
                }
                PrivateInstance instance = new PrivateInstance(bin, home, freePort(), settings, root);
                // trust: only loopback and a socket in our own directory; -N: a test cluster needs no fsync.
                instance.run("initdb", "-D", instance.data.toString(), "-A", "trust", "-U", "postgres",
                        "-E", "UTF8", "--locale=C", "-N");
                instance.requirePasswordOf(PASSWORD_USER);
                return instance;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a PostgreSQL data directory", e);
            }
        }

        /** The first line of pg_hba.conf wins: {@code user} logs in over TCP with a password, all others trusted. */
        private void requirePasswordOf(String user) throws IOException {
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "host all " + user + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
        }

        void start() {
            List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-k", home.toString(),
                    "-c", "listen_addresses=127.0.0.1"));
            settings.forEach(setting -> {
                options.add("-c");
                options.add(setting);
            });
            run("pg_ctl", "-D", data.toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", String.join(" ", options), "start");
            LOG.info("PostgreSQL started on 127.0.0.1:{} with data in {}", port, data);
        }

        void stop() {
            run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
            LOG.info("PostgreSQL on 127.0.0.1:{} stopped", port);
        }

        void destroy() {
            try {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                }
            } finally {
                deleteRecursively(home);
            }
        }

        private void run(String program, String... args) {
            List<String> command = new ArrayList<>();
            if (asPostgresUser) {
                command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
            }
            command.add(bin.resolve(program).toString());
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
                process.getOutputStream().close();
                // pg_ctl's server writes to server.log, so this stream ends when pg_ctl itself exits.
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(program + " did not finish: " + command);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                            + command + "\n" + output + serverLog());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + command, e);
            }
        }

        private String serverLog() {
            Path log = home.resolve("server.log");
            try {
                return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
            } catch (IOException e) {
                return "\n(server.log unreadable: " + e.getMessage() + ")";
            }
        }

        private static void deleteRecursively(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                LOG.warn("Cannot delete PostgreSQL directory {}: {}", root, e.getMessage());
            }
        }
    }
}
