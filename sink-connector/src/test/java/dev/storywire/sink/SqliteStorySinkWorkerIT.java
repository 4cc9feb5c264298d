package dev.storywire.sink;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StorySinkWorkerIT} into SQLite files, with the worker's default StringConverter. No outage test: an
 * embedded file has no server to stop; a database that cannot be opened is covered by
 * {@link SqliteStorySinkTaskTest}.
 */
class SqliteStorySinkWorkerIT extends StorySinkWorkerIT {

    @TempDir
    Path dir;

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("stories.db");
    }

    @Override
    Map<String, String> converterConfig() {
        return Map.of();
    }
}
