package dev.storywire.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQLite database file behind a {@code jdbc:sqlite:} URL. */
final class SqliteFiles {

    private static final Logger log = LoggerFactory.getLogger(SqliteFiles.class);
    private static final String PREFIX = "jdbc:sqlite:";

    private SqliteFiles() {
    }

    /**
     * An embedded broker starts empty every run, so results of an earlier run would mix with this one's: the
     * SQLite file (with its WAL and shared-memory files) is removed first. Other databases are left alone.
     *
     * @return whether the URL named an SQLite database (now empty)
     */
    static boolean resetForFreshBroker(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            return false;
        }
        if (jdbcUrl.contains(":memory:")) {
            return true;
        }
        String file = jdbcUrl.substring(PREFIX.length());
        int options = file.indexOf('?');
        Path path = Path.of(options < 0 ? file : file.substring(0, options));
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Path candidate = Path.of(path + suffix);
                if (Files.deleteIfExists(candidate)) {
                    log.info("Removed {} from an earlier run", candidate);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the earlier database " + path, e);
        }
        return true;
    }
}
