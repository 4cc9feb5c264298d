package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.ingest.IngestReport;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What {@code storywire run} shows of a database URL that carries a password. */
class DatabaseUrlMaskingTest {

    private static final String URL_WITH_PASSWORD = "jdbc:postgresql://db.example:5432/stories?user=sw&password=s3cret";

    @Test
    void shouldMaskThePasswordInTheRunSummary() {
        RunSummary summary = RunSummary.of(IngestReport.EMPTY, new StoryDatabase.Contents(0, 0, 0, List.of()),
                URL_WITH_PASSWORD, Duration.ZERO);

        assertThat(summary.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/stories?user=sw&password=***");
    }

    @Test
    void shouldMaskThePasswordInTheSettingsText() {
        PipelineSettings settings = new PipelineSettings(null, List.of(), URL_WITH_PASSWORD, Path.of("work"),
                Duration.ofSeconds(1), "sw", "other-secret");

        assertThat(settings.toString()).contains("password=***").doesNotContain("s3cret", "other-secret");
    }

    @Test
    void shouldMaskThePasswordWhenTheResultsCannotBeRead() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/stories?user=sw&password=s3cret";

        assertThatThrownBy(() -> new StoryDatabase(url, new Properties(), "").read(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining("s3cret");
    }
}
