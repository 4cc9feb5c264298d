package dev.storywire.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * bench/results/e2e.json, written one run at a time (each run holds the machine for a few minutes only): a latency
 * run replaces the entry of {@code rates} with its database and rate, a footprint run replaces {@code footprint}.
 */
final class E2eResultFile {

    private E2eResultFile() {
    }

    static void merge(Path file, String section, ObjectNode entry) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        if (Files.exists(file)) {
            JsonNode old = Json.mapper().readTree(file.toFile());
            if (old.has("rates")) {
                root.set("rates", old.get("rates"));
            }
            if (old.has("footprint")) {
                root.set("footprint", old.get("footprint"));
            }
        }
        if (section.equals("rates")) {
            ArrayNode rates = Json.mapper().createArrayNode();
            boolean placed = false;
            for (JsonNode old : root.path("rates")) {
                boolean same = old.path("database").asText("sqlite").equals(entry.path("database").asText())
                        && old.path("articlesPerSecond").asInt() == entry.path("articlesPerSecond").asInt();
                if (same && !placed) {
                    rates.add(entry);
                    placed = true;
                } else if (!same) {
                    rates.add(old);
                }
            }
            if (!placed) {
                rates.add(entry);
            }
            root.set("rates", rates);
        } else {
            root.set(section, entry);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }
}
