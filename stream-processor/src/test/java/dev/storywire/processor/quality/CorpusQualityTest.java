package dev.storywire.processor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.FeedFiles;
import dev.storywire.processor.ProcessorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering quality on the labelled corpus windows, with the default configuration. The figures are logged
 * and written to {@code target/quality/}; the assertions are floors well below them, to catch regressions.
 */
class CorpusQualityTest {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusQualityTest.class);
    private static final Path REPORT_DIR = Path.of("target", "quality");

    @TempDir
    Path stateDir;

    @Test
    void shouldClusterMarch2021WithHighBCubedF1() throws IOException {
        ClusteringScores scores = evaluate("2021-03");

        assertThat(scores.items()).isEqualTo(94);
        assertThat(scores.bcubedF1()).isGreaterThan(0.90);
    }

    @Test
    void shouldClusterMay2021MoratoriumCoverageTogether() throws IOException {
        ClusteringScores scores = evaluate("2021-05");

        assertThat(scores.items()).isEqualTo(10);
        assertThat(scores.bcubedPrecision()).isEqualTo(1.0);
    }

    private ClusteringScores evaluate(String window) throws IOException {
        ClusteringScores scores = CorpusEvaluation.evaluate(ProcessorConfig.defaults(),
                FeedFiles.CORPUS.resolve("everyday-ai").resolve(window),
                FeedFiles.CORPUS.resolve("labels").resolve(window + ".tsv"), stateDir);
        LOG.info("Corpus window {}: {}", window, scores.describe());
        Files.createDirectories(REPORT_DIR);
        Files.writeString(REPORT_DIR.resolve("clustering-" + window + ".txt"), scores.describe() + "\n");
        return scores;
    }
}
