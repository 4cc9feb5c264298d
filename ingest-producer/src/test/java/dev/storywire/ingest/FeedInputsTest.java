package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedInputsTest {

    @TempDir
    Path dir;

    @Test
    void shouldWalkDirectoriesRecursivelyForFeedFilesInSortedOrder() throws IOException {
        touch("b.md");
        touch("a.txt");
        touch("sub/c.yaml");
        touch("sub/d.yml");
        touch("sub/e.jsonl");
        touch("image.png");
        touch(".hidden.md");
        touch(".git/config.txt");

        List<Path> files = FeedInputs.expand(List.of(dir));

        assertThat(files).containsExactly(dir.resolve("a.txt"), dir.resolve("b.md"), dir.resolve("sub/c.yaml"),
                dir.resolve("sub/d.yml"), dir.resolve("sub/e.jsonl"));
    }

    @Test
    void shouldTakeANamedFileWhateverItsExtensionAndKeepInputOrder() throws IOException {
        Path odd = touch("feed.news");
        Path md = touch("z/last.md");

        assertThat(FeedInputs.expand(List.of(odd, dir.resolve("z")))).containsExactly(odd, md);
    }

    @Test
    void shouldFailForAMissingInput() {
        assertThatThrownBy(() -> FeedInputs.expand(List.of(dir.resolve("missing"))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing");
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "---\ntitle: x\n---\n");
    }
}
