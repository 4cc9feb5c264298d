package dev.storywire.app.lag;

import dev.storywire.ops.lag.GroupLag;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.PartitionLag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text views of a {@link LagReport}: the full table and the compact one {@code --watch} redraws. */
public final class LagTable {

    private static final List<String> DESCRIBE_HEADER = List.of(
            "GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "LAG-SECONDS", "STATUS");
    private static final List<String> COMPACT_HEADER = List.of(
            "GROUP", "STATUS", "LAG", "LAG-SECONDS", "MEMBERS", "PARTITIONS", "BEHIND");

    private LagTable() {
    }

    /**
     * One block per group in the style of {@code kafka-consumer-groups --describe}: a summary line, then one row
     * per partition.
     */
    public static String describe(LagReport report) {
        StringBuilder out = new StringBuilder();
        for (GroupLag group : report.groups()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(summary(group)).append('\n');
            if (group.partitions().isEmpty()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(DESCRIBE_HEADER);
            for (PartitionLag p : group.partitions()) {
                rows.add(List.of(group.group(), p.topic(), Integer.toString(p.partition()), Long.toString(p.committed()),
                        Long.toString(p.end()), Long.toString(p.lag()), seconds(p.lagSeconds()), p.status().name()));
            }
            out.append(new TextColumns(rows).render());
        }
        return out.toString();
    }

    /** One row per group: what {@code --watch} redraws. */
    public static String compact(LagReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COMPACT_HEADER);
        for (GroupLag group : report.groups()) {
            long behind = group.partitions().stream().filter(p -> p.lag() > 0).count();
            rows.add(List.of(group.group(), group.status().name(), Long.toString(group.lag()),
                    seconds(group.lagSeconds()), Integer.toString(group.members()),
                    Integer.toString(group.partitions().size()), Long.toString(behind)));
        }
        return new TextColumns(rows).render();
    }

    private static String summary(GroupLag group) {
        String base = String.format(Locale.ROOT, "Consumer group '%s': %s, lag %d records, %s s, %d active members",
                group.group(), group.status(), group.lag(), seconds(group.lagSeconds()), group.members());
        return group.problem().map(problem -> base + " (" + problem + ")").orElse(base);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
