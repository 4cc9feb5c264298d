package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestReportTest {

    @Test
    void shouldRenderTheReportAsJson() throws Exception {
        IngestReport report = new IngestReport(3, 2, 1, List.of(new IngestReport.Rejection("a.md", "empty file")));

        String json = report.toJson();

        assertThat(json).startsWith("{\"read\":3,\"published\":2,\"rejected\":1,\"rejections\":");
        JsonNode node = Json.mapper().readTree(json);
        assertThat(node.get("rejections").get(0).get("source").asText()).isEqualTo("a.md");
        assertThat(node.get("rejections").get(0).get("reason").asText()).isEqualTo("empty file");
    }

    @Test
    void shouldAddReports() {
        IngestReport first = new IngestReport(2, 1, 1, List.of(new IngestReport.Rejection("a.md", "x")));
        IngestReport second = new IngestReport(1, 0, 1, List.of(new IngestReport.Rejection("b.md", "y")));

        assertThat(first.plus(second)).isEqualTo(new IngestReport(3, 1, 2,
                List.of(new IngestReport.Rejection("a.md", "x"), new IngestReport.Rejection("b.md", "y"))));
    }

    @Test
    void shouldRefuseCountsThatDisagreeWithTheListOfRejections() {
        assertThatThrownBy(() -> new IngestReport(1, 0, 0, List.of(new IngestReport.Rejection("a.md", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rejected 0 with 1 rejections");
        assertThatThrownBy(() -> new IngestReport(1, 1, 1, List.of(new IngestReport.Rejection("a.md", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
