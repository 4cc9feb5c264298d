package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fast fault scenarios over real OS processes (a broker, the processor, a Connect worker with the sink on
 * SQLite, ingest), with fewer articles than bench/faults: kill -9 of the processor and of the Connect worker must
 * lose and duplicate nothing. Every process a scenario starts is stopped when it ends, also on failure.
 */
class FaultScenariosIT {

    /** Enough articles for the kill to land mid-stream; bench/faults runs 5,000 and more. */
    private static final int ARTICLES = 800;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final FaultScenarios scenarios = new FaultScenarios(new ScenarioContext(
            ProcessLauncher.harnessClasspath(), Path.of(System.getProperty("faults.work", "target/faults-it")),
            ARTICLES, TIMEOUT));

    @Test
    void shouldLoseAndDuplicateNothingWhenTheProcessorIsKilledMidStream() {
        ScenarioResult result = scenarios.processorKill();

        assertThat(result.error()).as(result.notes().toString()).isNull();
        assertThat(result.lost()).as(result.notes().toString()).isZero();
        assertThat(result.duplicated()).as(result.notes().toString()).isZero();
        assertThat(result.check().clean()).as(result.check().toString()).isTrue();
        assertThat(result.catchUpSeconds()).as("caught up after the restart").isNotNull();
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenTheConnectWorkerIsKilledMidStream() {
        ScenarioResult result = scenarios.connectKill();

        assertThat(result.error()).as(result.notes().toString()).isNull();
        assertThat(result.lost()).as(result.notes().toString()).isZero();
        assertThat(result.duplicated()).as(result.notes().toString()).isZero();
        assertThat(result.check().clean()).as(result.check().toString()).isTrue();
        assertThat(result.catchUpSeconds()).as("caught up after the restart").isNotNull();
    }
}
