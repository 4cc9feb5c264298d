package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class E2eResultFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReplaceTheEntryOfTheSameDatabaseAndRateAndKeepTheOthers() throws Exception {
        Path file = dir.resolve("e2e.json");
        E2eResultFile.merge(file, "rates", rate("sqlite", 100, 1));
        E2eResultFile.merge(file, "rates", rate("sqlite", 1000, 2));
        E2eResultFile.merge(file, "rates", rate("postgresql", 1000, 3));
        E2eResultFile.merge(file, "footprint", Json.mapper().createObjectNode().put("articles", 10));
        E2eResultFile.merge(file, "rates", rate("sqlite", 1000, 4));

        JsonNode root = Json.mapper().readTree(file.toFile());

        assertThat(root.get("rates")).hasSize(3);
        assertThat(root.get("rates").get(1).get("run").asInt()).isEqualTo(4);
        assertThat(root.get("rates").get(2).get("database").asText()).isEqualTo("postgresql");
        assertThat(root.get("footprint").get("articles").asInt()).isEqualTo(10);
    }

    private static ObjectNode rate(String database, int rate, int run) {
        return Json.mapper().createObjectNode().put("articlesPerSecond", rate).put("database", database)
                .put("run", run);
    }
}
