package dev.storywire.ops.lag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The stable JSON form of a {@link LagReport}, documented in {@code docs/ops.md}:
 * <pre>{@code {"groups": [{"group", "status", "lag", "lagSeconds",
 *   "partitions": [{"topic", "partition", "committed", "end", "lag", "lagSeconds", "status"}]}]}}</pre>
 * Field order is fixed; {@code lagSeconds} is a number of seconds with millisecond precision.
 */
public final class LagReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LagReportJson() {
    }

    /** Indented, for people. */
    public static String write(LagReport report) {
        return write(report, true);
    }

    /** On one line when {@code pretty} is false: one JSON document per line, for {@code --watch --json}. */
    public static String write(LagReport report, boolean pretty) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        for (GroupLag group : report.groups()) {
            ObjectNode node = groups.addObject();
            node.put("group", group.group());
            node.put("status", group.status().name());
            node.put("lag", group.lag());
            node.put("lagSeconds", seconds(group.lagSeconds()));
            ArrayNode partitions = node.putArray("partitions");
            for (PartitionLag partition : group.partitions()) {
                ObjectNode p = partitions.addObject();
                p.put("topic", partition.topic());
                p.put("partition", partition.partition());
                p.put("committed", partition.committed());
                p.put("end", partition.end());
                p.put("lag", partition.lag());
                p.put("lagSeconds", seconds(partition.lagSeconds()));
                p.put("status", partition.status().name());
            }
        }
        try {
            return pretty ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                    : MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the lag report as JSON", e);
        }
    }

    /** Milliseconds are as precise as record timestamps get. */
    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
