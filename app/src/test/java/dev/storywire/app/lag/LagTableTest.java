package dev.storywire.app.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.ops.lag.GroupLag;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.LagStatus;
import dev.storywire.ops.lag.PartitionLag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagTableTest {

    private static final LagReport REPORT = new LagReport(Instant.parse("2026-03-01T10:00:00Z"), List.of(
            GroupLag.of("storywire-processor", 1, List.of(
                    new PartitionLag("feed.articles", 0, 40, 42, 2, 1.5, LagStatus.STALL),
                    new PartitionLag("feed.articles", 1, 7, 7, 0, 0, LagStatus.OK))),
            GroupLag.failed("connect-storywire-sink", "group not found")));

    @Test
    void shouldDescribeEachPartitionLikeKafkaConsumerGroups() {
        String text = LagTable.describe(REPORT);

        assertThat(text.lines()).containsExactly(
                "Consumer group 'storywire-processor': STALL, lag 2 records, 1.500 s, 1 active members",
                "GROUP                TOPIC          PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  LAG-SECONDS  STATUS",
                "storywire-processor  feed.articles  0          40              42              2    1.500        STALL",
                "storywire-processor  feed.articles  1          7               7               0    0.000        OK",
                "",
                "Consumer group 'connect-storywire-sink': ERR, lag 0 records, 0.000 s, 0 active members (group not found)");
    }

    @Test
    void shouldDrawOneCompactRowPerGroup() {
        assertThat(LagTable.compact(REPORT).lines()).containsExactly(
                "GROUP                   STATUS  LAG  LAG-SECONDS  MEMBERS  PARTITIONS  BEHIND",
                "storywire-processor     STALL   2    1.500        1        2           1",
                "connect-storywire-sink  ERR     0    0.000        0        0           0");
    }

    @Test
    void shouldClearTheScreenOnlyOnATerminal() {
        StringWriter terminal = new StringWriter();
        new WatchScreen(new PrintWriter(terminal), true).show(REPORT, "footer");
        StringWriter pipe = new StringWriter();
        new WatchScreen(new PrintWriter(pipe), false).show(REPORT, "footer");

        assertThat(terminal.toString()).startsWith("\033[H\033[2J").contains("STALL").contains("footer");
        assertThat(pipe.toString()).doesNotContain("\033[").contains("Consumer lag at");
    }
}
