package dev.storywire.sink;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.sink.SinkRecord;

/** How records are named in logs and exceptions: where they came from, and what they held. */
final class RecordDescriptions {

    static final int PREVIEW_CHARS = 200;

    private RecordDescriptions() {
    }

    /** {@code topic=stories partition=0 offset=42}. */
    static String position(SinkRecord record) {
        return "topic=" + record.topic() + " partition=" + record.kafkaPartition() + " offset=" + record.kafkaOffset();
    }

    /** The first {@value #PREVIEW_CHARS} characters of a value of any converter's shape, on one line. */
    static String preview(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= PREVIEW_CHARS
                ? oneLine
                : oneLine.substring(0, PREVIEW_CHARS) + "... (" + oneLine.length() + " chars)";
    }

    /** Offset ranges per topic-partition of a batch, e.g. {@code stories-0@10..19, stories.articles-2@5..5}. */
    static String offsets(Collection<SinkRecord> records) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            long offset = record.kafkaOffset();
            ranges.merge(record.topic() + "-" + record.kafkaPartition(), new long[] {offset, offset},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        return ranges.entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue()[0] + ".." + e.getValue()[1])
                .collect(Collectors.joining(", "));
    }
}
