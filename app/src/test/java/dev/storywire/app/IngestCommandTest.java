package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code storywire ingest} without a broker: usage errors, help, and the exit code of an unreachable cluster. */
class IngestCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @TempDir
    Path dir;

    private int execute(String... args) {
        CommandLine cli = new CommandLine(new StorywireCli());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void shouldDocumentExitCodesInHelp() {
        assertThat(execute("ingest", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: storywire ingest")
                .contains("0  every document was published")
                .contains("3  some documents were rejected")
                .contains("4  Kafka could not be reached")
                .contains("--watch=DIR").contains("--producer-config=FILE").contains("--report=FILE");
    }

    @Test
    void shouldFailWithUsageWithoutInputOrWatch() {
        assertThat(execute("ingest")).isEqualTo(2);
        assertThat(err.toString()).contains("give at least one INPUT");
    }

    @Test
    void shouldFailWithUsageForAMissingInput() {
        assertThat(execute("ingest", "/no/such/feed.md")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or directory: /no/such/feed.md");
    }

    @Test
    void shouldFailWithUsageWhenWatchIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("a.md"), "---\ntitle: A\n---\n");

        assertThat(execute("ingest", "--watch", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--watch: not a directory");
    }

    @Test
    void shouldExitFourWhenKafkaCannotBeReached() throws IOException {
        Path feed = Files.writeString(dir.resolve("a.md"), "---\ntitle: A\nwebUrl: https://example.com/a\n---\n");
        // Give up on metadata after 1 s instead of the default 30 s: nothing listens on port 1.
        Path producerConfig = Files.writeString(dir.resolve("producer.properties"),
                "max.block.ms=1000\nsasl.jaas.config=secret-value\n");
        Path report = dir.resolve("report.json");

        int exit = execute("ingest", "--bootstrap-servers", "127.0.0.1:1", "--producer-config",
                producerConfig.toString(), "--report", report.toString(), "--progress", "NONE", feed.toString());

        assertThat(exit).isEqualTo(IngestCommand.EXIT_KAFKA_FAILED);
        assertThat(Files.readString(report)).contains("\"published\":0");
    }
}
