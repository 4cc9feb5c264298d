package dev.storywire.app.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark input: the real feed documents (corpus and seeds) replicated to a document count, each copy with
 * its own host in the top-level {@code webUrl} and {@code originalUrl} so every copy gets its own canonical id.
 * Written as multi-document front-matter files of {@link #DOCUMENTS_PER_FILE} documents each.
 */
final class BenchmarkCorpus {

    /** Large enough that per-file overhead does not dominate, small enough for the default 64 MiB file limit. */
    static final int DOCUMENTS_PER_FILE = 1000;
    private static final Pattern TOP_LEVEL_URL = Pattern.compile("(?m)^((?:webUrl|originalUrl):\\s*\"?https?://)");

    private BenchmarkCorpus() {
    }

    /** The feed files under {@code roots} ({@code .md} and {@code .txt}) that hold front matter. */
    static List<String> originals(List<Path> roots) {
        List<String> documents = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if ((name.endsWith(".md") || name.endsWith(".txt")) && text.startsWith("---")) {
                        documents.add(text.endsWith("\n") ? text : text + "\n");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read benchmark documents under " + root, e);
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no feed documents with front matter under " + roots);
        }
        return documents;
    }

    /** Writes {@code count} documents (copies of {@code originals}, URLs varied per copy) into {@code directory}. */
    static void write(List<String> originals, int count, Path directory) throws IOException {
        Files.createDirectories(directory);
        for (int first = 0; first < count; first += DOCUMENTS_PER_FILE) {
            Path file = directory.resolve(String.format("copies-%06d.md", first));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = first; i < Math.min(count, first + DOCUMENTS_PER_FILE); i++) {
                    out.write(copy(originals.get(i % originals.size()), i));
                }
            }
        }
    }

    /** {@code https://example.com/x} becomes {@code https://copy-42.example.com/x} in copy 42. */
    static String copy(String document, int copy) {
        return TOP_LEVEL_URL.matcher(document).replaceAll("$1copy-" + copy + ".");
    }
}
