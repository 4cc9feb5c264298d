package dev.storywire.processor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.CorpusFiles;
import dev.storywire.processor.ProcessorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stories of the 2021-05 window must be exactly the expected ones in {@code golden/2021-05-stories.tsv}
 * (file, then the story as the file name of its first member in file-name order). On a difference the actual
 * stories are written to {@code target/golden/} to compare, and to copy over the golden file when the change
 * is intended.
 */
class GoldenStoriesTest {

    private static final String GOLDEN = "/golden/2021-05-stories.tsv";

    @TempDir
    Path stateDir;

    @Test
    void shouldClusterMay2021IntoTheGoldenStories() throws IOException {
        Map<String, String> predicted = CorpusEvaluation.predict(ProcessorConfig.defaults(),
                CorpusFiles.CORPUS.resolve("everyday-ai").resolve("2021-05"), stateDir);

        String actual = render(predicted);
        String expected = golden();
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "golden", "2021-05-stories.tsv");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** One line per file: the file and the first file (by name) of its story; ids do not matter, groups do. */
    static String render(Map<String, String> storyOfFile) {
        Map<String, String> firstFileOfStory = new HashMap<>();
        List<String> files = storyOfFile.keySet().stream().sorted().toList();
        files.forEach(file -> firstFileOfStory.putIfAbsent(storyOfFile.get(file), file));
        Map<String, String> lines = new TreeMap<>();
        files.forEach(file -> lines.put(file, firstFileOfStory.get(storyOfFile.get(file))));
        StringBuilder out = new StringBuilder("file\tstory\n");
        lines.forEach((file, story) -> out.append(file).append('\t').append(story).append('\n'));
        return out.toString();
    }

    private static String golden() throws IOException {
        try (InputStream in = GoldenStoriesTest.class.getResourceAsStream(GOLDEN)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
