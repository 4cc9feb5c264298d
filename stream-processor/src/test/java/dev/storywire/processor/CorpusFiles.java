package dev.storywire.processor;

import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.ParseResult;
import dev.storywire.model.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared feed files of the tests (seeds and labelled corpus windows), read with the production parser of
 * ingest-producer, so that the tests cluster exactly what the pipeline publishes.
 */
public final class CorpusFiles {

    /**
     * {@code ../shared} of the project root: the nearest directory named {@code shared} holding a {@code corpus}
     * next to the project root or one of its parents (a git worktree lives one level further down).
     */
    public static final Path SHARED = locateShared();
    public static final Path SEEDS = SHARED.resolve("seeds");
    public static final Path CORPUS = SHARED.resolve("corpus");

    private static final FeedDocumentParser PARSER = new FeedDocumentParser();

    private CorpusFiles() {
    }

    private static Path locateShared() {
        // The tests run in the module directory; the project root is its parent.
        Path root = Path.of("").toAbsolutePath().getParent();
        for (Path dir = root; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path shared = dir.getParent().resolve("shared");
            if (Files.isDirectory(shared.resolve("corpus"))) {
                return shared;
            }
        }
        return root.resolveSibling("shared");
    }

    /** The corpus window {@code everyday-ai/<window>}, e.g. {@code 2021-03}. */
    public static Path window(String window) {
        return CORPUS.resolve("everyday-ai").resolve(window);
    }

    /** The gold labels of a corpus window. */
    public static Path labels(String window) {
        return CORPUS.resolve("labels").resolve(window + ".tsv");
    }

    /** The feed files of {@code directory}, sorted by file name. */
    public static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    /** The seed whose file name starts with {@code prefix} ("000" to "004"). */
    public static Article seed(String prefix) {
        return list(SEEDS).stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix))
                .findFirst()
                .map(CorpusFiles::read)
                .orElseThrow(() -> new IllegalArgumentException("No seed " + prefix + "* in " + SEEDS));
    }

    /** The one article of a feed file, as the production parser reads it; fails on a rejected document. */
    public static Article read(Path file) {
        List<ParseResult> results = PARSER.parseFile(file);
        if (results.size() != 1 || !(results.get(0) instanceof ParseResult.Parsed parsed)) {
            throw new IllegalArgumentException("Expected one valid document in " + file + ", got " + results);
        }
        return parsed.article();
    }
}
