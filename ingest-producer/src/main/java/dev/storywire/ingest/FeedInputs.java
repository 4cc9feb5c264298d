package dev.storywire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Expands the inputs a user names (files and directories) into the feed files to read, in a stable order. */
public final class FeedInputs {

    private FeedInputs() {
    }

    /**
     * Files named directly are taken whatever their extension; directories are walked recursively for
     * {@code .md}, {@code .txt}, {@code .yaml}, {@code .yml} and {@code .jsonl} files, skipping hidden ones.
     * Each directory's files are sorted by path; the inputs keep the order given.
     *
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} when an input does not exist
     */
    public static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(feedFilesUnder(input));
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new UncheckedIOException(new NoSuchFileException(input.toString(), null,
                        "no such feed file or directory"));
            }
        }
        return files;
    }

    /** The feed files under {@code directory}, recursively, sorted by path. */
    public static List<Path> feedFilesUnder(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !isHidden(directory.relativize(path)))
                    .filter(path -> InputFormat.forFileName(path).isPresent())
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list feed files under " + directory, e);
        }
    }

    /** Whether any name on the path starts with a dot (editor swap files, {@code .git}, ...). */
    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
