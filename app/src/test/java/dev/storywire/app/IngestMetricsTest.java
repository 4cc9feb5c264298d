package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.ingest.IngestReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    @Test
    void shouldServePublishedAndRejectedDocumentsInPrometheusFormat() throws Exception {
        try (IngestMetrics metrics = new IngestMetrics(0)) {
            metrics.record(new IngestReport(3, 2, 1, List.of(new IngestReport.Rejection("bad.md",
                    "no front matter: the first non-blank line is not '---'"))));

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains("storywire_documents_published_total{")
                    .containsPattern("storywire_documents_published_total\\{[^}]*} 2\\.0")
                    .containsPattern("storywire_documents_rejected_total\\{[^}]*reason=\"no front matter\"[^}]*} 1\\.0");
        }
    }
}
