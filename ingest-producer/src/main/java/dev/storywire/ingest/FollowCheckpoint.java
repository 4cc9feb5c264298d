package dev.storywire.ingest;

import dev.storywire.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which file content the follower has already published: file path to SHA-256 of its bytes, kept in a local JSON
 * file ({@code {"files": {"/abs/path.md": "hex"}}}) so a restarted follower publishes nothing again.
 */
public final class FollowCheckpoint {

    private final Path file;
    private final Map<String, String> hashes;

    private FollowCheckpoint(Path file, Map<String, String> hashes) {
        this.file = file;
        this.hashes = hashes;
    }

    /**
     * The checkpoint stored in {@code file}, or an empty one when the file does not exist yet.
     *
     * @throws UncheckedIOException when the file exists but cannot be read as a checkpoint (delete it to start over)
     */
    public static FollowCheckpoint load(Path file) {
        if (!Files.exists(file)) {
            return new FollowCheckpoint(file, new TreeMap<>());
        }
        try {
            Stored stored = Json.mapper().readValue(file.toFile(), Stored.class);
            return new FollowCheckpoint(file, new TreeMap<>(stored.files() == null ? Map.of() : stored.files()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read follow checkpoint " + file
                    + " (delete it to publish every file again)", e);
        }
    }

    /** The JSON shape of the checkpoint file. */
    record Stored(int version, Map<String, String> files) {
    }

    public Path file() {
        return file;
    }

    /** Whether {@code path} was published with exactly this content. */
    public boolean isPublished(Path path, String contentHash) {
        return contentHash.equals(hashes.get(key(path)));
    }

    public void markPublished(Path path, String contentHash) {
        hashes.put(key(path), contentHash);
    }

    /** Forgets files no longer present, so the checkpoint does not grow without bound. */
    public void retainOnly(Set<Path> present) {
        Set<String> keys = new java.util.HashSet<>();
        present.forEach(path -> keys.add(key(path)));
        hashes.keySet().retainAll(keys);
    }

    public int size() {
        return hashes.size();
    }

    /** Writes the checkpoint atomically (a temporary file moved over the old one), so a crash leaves one intact. */
    public void save() {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new Stored(1, hashes));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write follow checkpoint " + file, e);
        }
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

}
