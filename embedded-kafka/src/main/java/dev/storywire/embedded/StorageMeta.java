package dev.storywire.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Reads what {@code kafka-storage format} wrote into a log directory ({@code meta.properties}). */
final class StorageMeta {

    static final String FILE = "meta.properties";

    private StorageMeta() {
    }

    /** The cluster id the log directory was formatted with; empty when it was never formatted. */
    static Optional<String> clusterId(Path logDir) {
        Path meta = logDir.resolve(FILE);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(meta)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id: the directory was not formatted by Kafka;"
                    + " move it away or pass another --data-dir");
        }
        return Optional.of(clusterId.trim());
    }
}
