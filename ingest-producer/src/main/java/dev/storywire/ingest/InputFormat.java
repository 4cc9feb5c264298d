package dev.storywire.ingest;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** How the bytes of one input are cut into documents. */
public enum InputFormat {
    /** Markdown/text files: each {@code ---} ... {@code ---} block is a document; text outside blocks is ignored. */
    FRONT_MATTER,
    /** A YAML stream: documents separated by {@code ---} lines. */
    YAML,
    /** JSON Lines: one JSON object per line, with the feed format's field names. */
    JSON_LINES;

    /** The format of a file by its extension, or empty when the file is not a feed input. */
    public static Optional<InputFormat> forFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".txt")) {
            return Optional.of(FRONT_MATTER);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".jsonl")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }
}
