package dev.storywire.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagReportJsonTest {

    @Test
    void shouldWriteTheDocumentedShapeInFieldOrder() {
        LagReport report = new LagReport(Instant.parse("2026-03-01T10:00:00Z"), List.of(
                GroupLag.of("storywire-processor", 1, List.of(
                        new PartitionLag("feed.articles", 0, 40, 42, 2, 1.23449, LagStatus.STOP))),
                GroupLag.failed("connect-storywire-sink", "group not found")));

        String json = LagReportJson.write(report).replaceAll("\\s+", "");

        assertThat(json).isEqualTo("{\"groups\":["
                + "{\"group\":\"storywire-processor\",\"status\":\"STOP\",\"lag\":2,\"lagSeconds\":1.234,"
                + "\"partitions\":[{\"topic\":\"feed.articles\",\"partition\":0,\"committed\":40,\"end\":42,"
                + "\"lag\":2,\"lagSeconds\":1.234,\"status\":\"STOP\"}]},"
                + "{\"group\":\"connect-storywire-sink\",\"status\":\"ERR\",\"lag\":0,\"lagSeconds\":0.0,"
                + "\"partitions\":[]}]}");
    }
}
