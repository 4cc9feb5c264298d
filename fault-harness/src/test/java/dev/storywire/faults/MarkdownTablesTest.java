package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTablesTest {

    @Test
    void shouldWriteOneRowPerScenarioWithItsFigures() {
        CheckResult clean = new CheckResult(5000, 5000, 0, 0, 0, 0, 0, 0, List.of());
        ScenarioResult result = new ScenarioResult("processor-kill", "kill -9", 5000, 7083, 0, 0, 48.25, 60.0, clean,
                List.of(), null);

        String table = MarkdownTables.scenarios(List.of(result));

        assertThat(table.lines()).hasSize(3);
        assertThat(table).contains("| processor-kill | kill -9 | 5000 (7083) | 0 | 0 | 0 | 0 / 0 / 0 | 48.3 | 60.0 | clean |");
    }

    @Test
    void shouldMarkAScenarioThatCouldNotRunWithItsError() {
        ScenarioResult result = new ScenarioResult("postgres-outage", "stop", 5000, 0, -1, -1, null, null, null,
                List.of(), "no PostgreSQL | here");

        assertThat(MarkdownTables.scenarios(List.of(result)))
                .contains("| not checked | not checked | - | - | - | - | error: no PostgreSQL \\| here |");
    }

    @Test
    void shouldSayWhetherTheValidFileAfterAHostileInputWasPublished() {
        HostileInputResult result = new HostileInputResult("nul-title", "a NUL", 3, 2, 1, 1, true,
                List.of("a-hostile.md: control character"), 2.04, 180L, "");

        assertThat(MarkdownTables.hostileInputs(List.of(result)))
                .contains("| nul-title | a NUL | 3 | 1 / 1 | yes | a-hostile.md: control character | 2.0 | 180 |");
    }
}
