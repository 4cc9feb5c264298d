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

class StorywireCliTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = StorywireCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void shouldPrintUsageAndFailOnUnknownSubcommand() {
        assertThat(execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("Usage: storywire");
    }

    @Test
    void shouldPrintUsageAndFailWithoutSubcommand() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand").contains("Usage: storywire");
    }

    @Test
    void shouldPrintUsageAndFailOnBadFlag() {
        assertThat(execute("run", "--no-such-flag")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-flag'").contains("Usage: storywire run");
    }

    @Test
    void shouldRejectMissingInputBeforeStartingAnything() {
        assertThat(execute("run", "--input", "/no/such/feed/dir")).isEqualTo(2);
        assertThat(err.toString()).contains("--input: no such file or directory: /no/such/feed/dir");
    }

    @Test
    void shouldRejectNonNumericPort() {
        assertThat(execute("broker", "--port", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void shouldRejectAnUnknownProcessorSettingBeforeStartingAnything(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("process.properties"),
                "cluster.join-threshold=0.4\ncluster.merge-treshold=0.6\n");

        assertThat(execute("process", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("cluster.merge-treshold").contains("0.6").contains("Usage: storywire process");
    }

    @Test
    void shouldRejectAnInvalidProcessorValueBeforeStartingAnything(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("process.properties"), "story.retention=7 days\n");

        assertThat(execute("process", "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("story.retention").contains("7 days");
    }

    @Test
    void shouldRejectFewerThanOneEvalOrder(@TempDir Path dir) throws IOException {
        Path labels = Files.writeString(dir.resolve("w.tsv"), "file\tweb_url\tstory\n");

        assertThat(execute("eval", "--input", dir.toString(), "--labels", labels.toString(), "--orders", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--orders must be at least 1, got 0");
    }

    @Test
    void shouldDescribeEverySubcommandInHelp() {
        assertThat(execute("--help")).isZero();
        String[] subcommands = {"run", "ingest", "process", "broker"};
        assertThat(out.toString()).contains(subcommands);
        for (String subcommand : subcommands) {
            out.getBuffer().setLength(0);
            assertThat(execute(subcommand, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: storywire " + subcommand);
        }
    }
}
