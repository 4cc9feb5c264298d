package dev.storywire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands the inputs a user names (files and directories) into the feed files to read, in a stable order.
 *
 * <p>Symbolic links inside a directory are followed only while they stay inside that directory: a link whose target
 * (resolved fully) lies outside it, or that points nowhere, is skipped and listed with the reason, so a link to
 * {@code /etc/passwd} dropped into a watched directory is never read or published. Files and directories named
 * directly are taken as named, links included: the user chose them.
 */
public final class FeedInputs {

    private static final Logger LOG = LoggerFactory.getLogger(FeedInputs.class);

    private FeedInputs() {
    }

    /** The files to read and the paths deliberately left out. */
    public record InputScan(List<Path> files, List<IngestReport.Skipped> skipped) {
        public InputScan {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Files named directly are taken whatever their extension; directories are walked recursively for
     * {@code .md}, {@code .txt}, {@code .yaml}, {@code .yml} and {@code .jsonl} files, skipping hidden ones and links
     * that leave the directory. Each directory's files are sorted by path; the inputs keep the order given.
     *
     * @throws UncheckedIOException wrapping {@link NoSuchFileException} when an input does not exist
     */
    public static InputScan scan(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                InputScan directory = scanDirectory(input);
                files.addAll(directory.files());
                skipped.addAll(directory.skipped());
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new UncheckedIOException(new NoSuchFileException(input.toString(), null,
                        "no such feed file or directory"));
            }
        }
        return new InputScan(files, skipped);
    }

    /** The files of {@link #scan}, without the skipped paths (they are logged). */
    public static List<Path> expand(List<Path> inputs) {
        return scan(inputs).files();
    }

    /** The feed files under {@code directory}, recursively, sorted by path (skipped links are logged). */
    public static List<Path> feedFilesUnder(Path directory) {
        return scanDirectory(directory).files();
    }

    /** The feed files under {@code directory}, recursively, sorted by path, and the links left out. */
    public static InputScan scanDirectory(Path directory) {
        Path root;
        try {
            // Walk the real directory: a walk does not enter a link, so a root named through a link would be empty.
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list feed files under " + directory, e);
        }
        Path start = Files.isSymbolicLink(directory) ? root : directory;
        List<Path> files = new ArrayList<>();
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(path -> !path.equals(start))
                    .filter(path -> !isHidden(start.relativize(path)))
                    .sorted()
                    .forEach(path -> {
                        Optional<String> leaves = linkLeaving(path, root);
                        if (leaves.isPresent()) {
                            LOG.warn("{}: skipped: {}", path, leaves.get());
                            skipped.add(new IngestReport.Skipped(path.toString(), leaves.get()));
                        } else if (Files.isRegularFile(path) && InputFormat.forFileName(path).isPresent()) {
                            files.add(path);
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot list feed files under " + directory,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        return new InputScan(files, skipped);
    }

    /** Why {@code path} must not be followed: a link out of {@code root} or to nothing; empty for anything else. */
    private static Optional<String> linkLeaving(Path path, Path root) {
        if (!Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        try {
            Path target = path.toRealPath();
            return target.startsWith(root) ? Optional.empty() : Optional.of(
                    "symbolic link leaves the input directories: it points to " + target + ", outside " + root);
        } catch (IOException e) {
            return Optional.of("broken symbolic link: its target does not exist (" + e.getMessage() + ")");
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
