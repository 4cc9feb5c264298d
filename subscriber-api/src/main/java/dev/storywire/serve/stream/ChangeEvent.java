package dev.storywire.serve.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import dev.storywire.model.Story;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A change with its server-sent-event text (event and data lines), rendered and encoded once and written to every client that
 * passes it; only the {@code id} line differs per client.
 */
public record ChangeEvent(StoryChange change, byte[] body) {

    public static ChangeEvent render(StoryChange change, Function<Story, ObjectNode> summary) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("type", change.type().wireName());
        data.put("storyId", change.storyId());
        if (change.story() != null) {
            data.set("story", summary.apply(change.story()));
        }
        if (change.type() == ChangeType.MERGED) {
            data.put("mergedInto", change.mergedInto());
        }
        data.put("partition", change.partition());
        data.put("offset", change.offset());
        try {
            return new ChangeEvent(change, ("event: " + change.type().wireName() + "\ndata: "
                    + Json.mapper().writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
