package dev.storywire.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The real feed files of {@code ../shared} (seeds and the everyday-ai corpus), located from the module dir. */
final class SharedFeedFiles {

    static final Path SHARED = Path.of("..", "..", "shared").toAbsolutePath().normalize();
    static final Path SEEDS = SHARED.resolve("seeds");
    static final Path CORPUS = SHARED.resolve("corpus").resolve("everyday-ai");

    private SharedFeedFiles() {
    }

    static List<Path> seeds() throws IOException {
        return filesEndingWith(SEEDS, ".txt");
    }

    static List<Path> corpus() throws IOException {
        return filesEndingWith(CORPUS, ".md").stream()
                .filter(path -> !path.getFileName().toString().equals("SOURCE.md"))
                .collect(Collectors.toList());
    }

    private static List<Path> filesEndingWith(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
