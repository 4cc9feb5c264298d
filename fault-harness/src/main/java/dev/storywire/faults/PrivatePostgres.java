package dev.storywire.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server from the installed binaries ({@code /usr/lib/postgresql/<version>/bin}) in a temporary
 * directory on a free loopback port, that a scenario can stop and start (as root, the binaries run as the
 * {@code postgres} user through {@code runuser}, since PostgreSQL refuses root). The same approach as
 * sink-connector's test {@code PostgresServer}.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrivatePostgres.class);
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String SYSTEM_USER = "postgres";

    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** A started server, or empty when no PostgreSQL is installed. */
    static Optional<PrivatePostgres> find() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            return Optional.empty();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path home = Files.createTempDirectory("storywire-faults-pg-");
            if (root) {
                UserPrincipal owner = home.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SYSTEM_USER);
                Files.setOwner(home, owner);
            }
            PrivatePostgres server = new PrivatePostgres(bin.get(), home, ProcessLauncher.freePort(), root);
            // trust: loopback only, a socket in our own directory; -N: no fsync for a throwaway cluster.
            server.run("initdb", "-D", server.data().toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C", "-N");
            server.start();
            return Optional.of(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL data directory", e);
        }
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DEBIAN_BINARIES, e);
        }
    }

    private Path data() {
        return home.resolve("data");
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    void start() {
        run("pg_ctl", "-D", data().toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        log.info("PostgreSQL up on 127.0.0.1:{}", port);
    }

    /** Fast shutdown: open connections are cut, as in an outage. */
    void stop() {
        run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
        log.info("PostgreSQL on 127.0.0.1:{} stopped", port);
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                log.warn("Cannot delete {}: {}", home, e.getMessage());
            }
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
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
