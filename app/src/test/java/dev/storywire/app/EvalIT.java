package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code storywire eval} over the labelled 2021-03 window meets the quality targets of issue 4. */
class EvalIT {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus");

    @TempDir
    Path results;

    @Test
    void shouldMeetTheQualityTargetsOnMarch2021() throws Exception {
        int exit = new CommandLine(new EvalCommand()).execute(
                "--input", CORPUS.resolve("everyday-ai").resolve("2021-03").toString(),
                "--labels", CORPUS.resolve("labels").resolve("2021-03.tsv").toString(),
                "--results-dir", results.toString());

        assertThat(exit).isZero();
        JsonNode report = Json.mapper().readTree(results.resolve("quality-2021-03.json").toFile());
        assertThat(report.get("documents").asInt()).isEqualTo(94);
        assertThat(report.get("missingFromDatabase").asInt()).isZero();
        JsonNode pipeline = report.get("pipeline");
        assertThat(pipeline.get("bcubedF1").asDouble()).isGreaterThanOrEqualTo(0.96);
        assertThat(pipeline.get("pairwiseF1").asDouble()).isGreaterThanOrEqualTo(0.55);
        for (String baseline : new String[] {"baselineSingletons", "baselineRelatedLinkComponents"}) {
            assertThat(pipeline.get("bcubedF1").asDouble())
                    .isGreaterThan(report.get(baseline).get("bcubedF1").asDouble());
            assertThat(pipeline.get("pairwiseF1").asDouble())
                    .isGreaterThan(report.get(baseline).get("pairwiseF1").asDouble());
        }
    }
}
