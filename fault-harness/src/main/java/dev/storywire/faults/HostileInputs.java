package dev.storywire.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hostile inputs for {@code storywire ingest}, each in a directory before a valid document: a NUL in a title, alias
 * bombs, a 700 KB scalar, a symlink to {@code /etc/passwd}, invalid UTF-8, deep nesting and a huge file. Each
 * ingest runs as its own process under {@code /usr/bin/time} with Java's default heap, as a user runs it.
 */
final class HostileInputs {

    private static final Logger log = LoggerFactory.getLogger(HostileInputs.class);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioContext context;

    HostileInputs(ScenarioContext context) {
        this.context = context;
    }

    /** One hostile case: a name, what is tried, and how to write it into a directory. */
    private record Case(String name, String tried, Writer writer) {
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path directory) throws IOException;
    }

    List<HostileInputResult> runAll() {
        context.resetWorkDir(FaultHarness.HOSTILE);
        Path work = context.workDir(FaultHarness.HOSTILE);
        List<HostileInputResult> results = new ArrayList<>();
        try (FaultPipeline pipeline = FaultPipeline.singleBroker(context.classpath(), work)) {
            // The processor creates the pipeline topics; ingest only publishes here.
            pipeline.startProcessor("processor-1", Map.of());
            pipeline.awaitTopics();
            pipeline.processor("processor-1").stop(Duration.ofSeconds(20));
            for (Case hostile : cases()) {
                results.add(run(pipeline, work, hostile));
            }
        }
        return results;
    }

    private List<Case> cases() {
        return List.of(
                new Case("nul-title", "a title with the YAML escape \"\\0\" (NUL)",
                        dir -> writeText(dir, "title: \"Breaking\\0news about the harness\"\n", "")),
                new Case("alias-bomb-400k", "a 400 KB scalar referenced 500 times through aliases (401 KB file)",
                        dir -> writeAliasBomb(dir, 400 * 1024, 500)),
                new Case("alias-bomb-700k", "a 700 KB scalar referenced 500 times through aliases (701 KB file)",
                        dir -> writeAliasBomb(dir, 700 * 1024, 500)),
                new Case("scalar-700k", "one 700 KB excerpt, no aliases",
                        dir -> writeText(dir, "title: \"A long one\"\n", "excerpt: \"" + "x".repeat(700 * 1024)
                                + "\"\n")),
                new Case("symlink-etc-passwd", "a symlink to /etc/passwd inside the input directory",
                        dir -> Files.createSymbolicLink(dir.resolve("a-hostile.md"), Path.of("/etc/passwd"))),
                new Case("invalid-utf8", "invalid UTF-8 bytes (C3 28 FF) in a title", HostileInputs::writeInvalidUtf8),
                new Case("deep-nesting", "a field nested 10,000 lists deep",
                        dir -> writeText(dir, "title: \"Deep\"\n", "extra: " + "[".repeat(10_000)
                                + "]".repeat(10_000) + "\n")),
                new Case("huge-file", "a 200 MB file (one document with a 200 MB excerpt)",
                        dir -> writeHugeFile(dir, 200L * 1024 * 1024)));
    }

    private HostileInputResult run(FaultPipeline pipeline, Path work, Case hostile) {
        Path dir = work.resolve("inputs").resolve(hostile.name());
        Path report = work.resolve(hostile.name() + "-report.json");
        Path timing = work.resolve(hostile.name() + "-time.txt");
        try {
            Files.createDirectories(dir);
            hostile.writer().write(dir);
            Files.writeString(dir.resolve("b-valid.md"), SyntheticArticles.document(
                    "https://valid.example/news/" + hostile.name(), "A valid article after " + hostile.name(),
                    "It must be published whatever came before it.", Instant.now(), 1, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hostile input " + hostile.name(), e);
        }
        ProcessLauncher launcher = new ProcessLauncher(context.classpath(), work.resolve("logs"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", timing.toString()));
        // Java's default heap, as the storywire launcher runs ingest.
        command.addAll(launcher.storywireCommand(null, List.of("ingest", "--bootstrap-servers",
                pipeline.bootstrapServers(), "--progress", "NONE", "--report", report.toString(), dir.toString())));
        try {
            ChildProcess ingest = launcher.start("ingest-" + hostile.name(), command);
            Integer exit = ingest.awaitExit(INGEST_TIMEOUT) ? ingest.exitCode() : null;
            if (exit == null) {
                ingest.killHard();
            }
            HostileInputResult result = result(hostile, exit, report, timing, ingest.tail(4));
            log.info("Hostile input {}: {}", hostile.name(), result);
            return result;
        } finally {
            launcher.close();
        }
    }

    private static HostileInputResult result(Case hostile, Integer exit, Path report, Path timing, String tail) {
        int read = 0;
        int published = 0;
        int rejected = 0;
        List<String> reasons = new ArrayList<>();
        boolean validPublished = false;
        try {
            if (Files.exists(report)) {
                JsonNode json = JSON.readTree(report.toFile());
                read = json.path("read").asInt();
                published = json.path("published").asInt();
                rejected = json.path("rejected").asInt();
                // The file name, not the work directory's path, keeps the table readable.
                json.path("rejections").forEach(r -> reasons.add(fileName(r.path("source").asText()) + ": "
                        + r.path("reason").asText().replace(r.path("source").asText(), fileName(
                                r.path("source").asText()))));
                json.path("skipped").forEach(r -> reasons.add("skipped " + fileName(r.path("source").asText())
                        + ": " + r.path("reason").asText()));
                validPublished = published >= 1 && reasons.stream().noneMatch(r -> r.contains("b-valid.md"));
            }
            double seconds = -1;
            Long rss = null;
            if (Files.exists(timing)) {
                String[] parts = Files.readAllLines(timing).stream().filter(l -> l.matches("[0-9.]+ [0-9]+"))
                        .findFirst().orElse("-1 0").split(" ");
                seconds = Double.parseDouble(parts[0]);
                rss = Long.parseLong(parts[1]) / 1024;
            }
            return new HostileInputResult(hostile.name(), hostile.tried(), exit, read, published, rejected,
                    validPublished, reasons, seconds, rss, tail.length() > 600 ? tail.substring(tail.length() - 600)
                            : tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results of " + hostile.name(), e);
        }
    }

    private static String fileName(String source) {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }

    private static void writeText(Path dir, String titleLine, String extra) throws IOException {
        Files.writeString(dir.resolve("a-hostile.md"), "---\n" + titleLine + extra
                + "publishedDateTime: " + Instant.now() + "\n"
                + "webUrl: \"https://hostile.example/news/" + dir.getFileName() + "\"\n"
                + "type: article\n---\n", StandardCharsets.UTF_8);
    }

    private static void writeAliasBomb(Path dir, int scalarBytes, int references) throws IOException {
        StringBuilder text = new StringBuilder("---\ntitle: \"Alias bomb\"\n");
        text.append("padding: &p \"").append("x".repeat(scalarBytes)).append("\"\n");
        text.append("publishedDateTime: ").append(Instant.now()).append('\n');
        text.append("webUrl: \"https://hostile.example/news/").append(dir.getFileName()).append("\"\n");
        text.append("topics:\n");
        for (int i = 0; i < references; i++) {
            text.append("  - *p\n");
        }
        text.append("---\n");
        Files.writeString(dir.resolve("a-hostile.md"), text, StandardCharsets.UTF_8);
    }

    private static void writeInvalidUtf8(Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("a-hostile.md"))) {
            out.write("---\ntitle: \"Bad ".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            out.write(("\"\npublishedDateTime: " + Instant.now() + "\nwebUrl: \"https://hostile.example/news/utf8\"\n"
                    + "type: article\n---\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeHugeFile(Path dir, long bytes) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("a-hostile.md")),
                1 << 20)) {
            out.write(("---\ntitle: \"Huge\"\nwebUrl: \"https://hostile.example/news/huge\"\npublishedDateTime: "
                    + Instant.now() + "\nexcerpt: \"").getBytes(StandardCharsets.US_ASCII));
            byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block);
            }
            out.write("\"\n---\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
