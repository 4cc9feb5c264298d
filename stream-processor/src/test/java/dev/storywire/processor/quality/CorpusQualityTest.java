package dev.storywire.processor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.CorpusFiles;
import dev.storywire.processor.ProcessorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering quality on the labelled corpus windows, with the default configuration, on the topology test
 * driver. The figures and every pairwise error are logged and written to {@code target/quality/}; the
 * assertions are the targets of issue 20.
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
        // The targets of issue 20, above both baselines (singletons and related-link components: B-cubed F1
        // 0.944, pairwise F1 0). Measured in publish-time order: B-cubed F1 0.978, pairwise F1 0.640.
        assertThat(scores.bcubedF1()).isGreaterThanOrEqualTo(0.965);
        assertThat(scores.pairF1()).isGreaterThanOrEqualTo(0.60);
    }

    @Test
    void shouldClusterMay2021MoratoriumCoverageTogether() throws IOException {
        ClusteringScores scores = evaluate("2021-05");

        assertThat(scores.items()).isEqualTo(10);
        assertThat(scores.bcubedPrecision()).isEqualTo(1.0);
        // The targets of issue 20, above the related-link components baseline (B-cubed F1 0.901, pairwise F1
        // 0.889). Measured: 1.0 and 1.0.
        assertThat(scores.bcubedF1()).isGreaterThanOrEqualTo(0.97);
        assertThat(scores.pairF1()).isGreaterThanOrEqualTo(0.95);
    }

    private ClusteringScores evaluate(String window) throws IOException {
        Map<String, String> predicted = CorpusEvaluation.predict(ProcessorConfig.defaults(),
                CorpusFiles.CORPUS.resolve("everyday-ai").resolve(window), stateDir);
        Map<String, String> gold = CorpusEvaluation.labels(CorpusFiles.CORPUS.resolve("labels").resolve(window + ".tsv"));
        ClusteringScores scores = ClusteringScores.of(predicted, gold);
        LOG.info("Corpus window {}: {}", window, scores.describe());
        CorpusEvaluation.pairErrors(predicted, gold).forEach(error -> LOG.info("Corpus window {}: {}", window, error));
        Files.createDirectories(REPORT_DIR);
        Files.writeString(REPORT_DIR.resolve("clustering-" + window + ".txt"), scores.describe() + "\n");
        return scores;
    }
}
