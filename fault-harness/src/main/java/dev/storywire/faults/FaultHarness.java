package dev.storywire.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bench/faults: runs the fault scenarios (and the hostile-input runs) over real OS processes and writes their
 * figures to a JSON file, rewritten after every scenario so that a stopped run keeps what it measured.
 *
 * <p>Usage: {@code FaultHarness OUT.json WORK_DIR ARTICLES TIMEOUT_SECONDS [SCENARIO|hostile-inputs ...]}
 */
public final class FaultHarness {

    public static final String HOSTILE = "hostile-inputs";
    private static final Logger log = LoggerFactory.getLogger(FaultHarness.class);

    private FaultHarness() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: FaultHarness OUT.json WORK_DIR ARTICLES TIMEOUT_SECONDS [SCENARIO ...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        ScenarioContext context = new ScenarioContext(ProcessLauncher.harnessClasspath(), Path.of(args[1]),
                Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])));
        List<String> selected = args.length > 4 ? List.of(args).subList(4, args.length) : allWithHostile();
        List<ScenarioResult> results = new ArrayList<>();
        List<HostileInputResult> hostile = new ArrayList<>();
        if ("1".equals(System.getenv("FAULTS_MERGE")) && Files.exists(out)) {
            // Rerun some scenarios into an earlier run's file: the others keep their figures.
            readEarlier(out, results, hostile, selected);
        }
        FaultScenarios scenarios = new FaultScenarios(context);
        Instant started = Instant.now();
        for (String scenario : selected) {
            if (HOSTILE.equals(scenario)) {
                hostile.clear();
                hostile.addAll(new HostileInputs(context).runAll());
            } else {
                ScenarioResult result = runSafely(scenarios, scenario, context);
                results.removeIf(earlier -> earlier.name().equals(result.name()));
                log.info("Scenario {}: lost {}, duplicated {}, recovery {} s, catch-up {} s, error {}", result.name(),
                        result.lost(), result.duplicated(), result.recoverySeconds(), result.catchUpSeconds(),
                        result.error());
                results.add(result);
            }
            write(out, context, started, results, hostile);
        }
        boolean passed = results.stream().allMatch(ScenarioResult::passed);
        System.out.println("Fault harness: " + results.stream().filter(ScenarioResult::passed).count() + " of "
                + results.size() + " scenarios clean; figures in " + out);
        System.exit(passed ? 0 : 1);
    }

    private static void readEarlier(Path out, List<ScenarioResult> results, List<HostileInputResult> hostile,
            List<String> selected) throws IOException {
        ObjectMapper mapper = mapper().configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        com.fasterxml.jackson.databind.JsonNode earlier = mapper.readTree(out.toFile());
        for (com.fasterxml.jackson.databind.JsonNode node : earlier.path("scenarios")) {
            ScenarioResult result = mapper.treeToValue(node, ScenarioResult.class);
            if (!selected.contains(result.name())) {
                results.add(result);
            }
        }
        if (!selected.contains(HOSTILE)) {
            for (com.fasterxml.jackson.databind.JsonNode node : earlier.path("hostileInputs")) {
                hostile.add(mapper.treeToValue(node, HostileInputResult.class));
            }
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A scenario that cannot even start (feed, brokers) is a failed result, and the next one still runs. */
    private static ScenarioResult runSafely(FaultScenarios scenarios, String scenario, ScenarioContext context) {
        try {
            return scenarios.run(scenario);
        } catch (RuntimeException e) {
            log.error("Scenario {} could not run: {}", scenario, e.toString(), e);
            return new ScenarioResult(scenario, "(did not start)", context.articles(), 0, -1, -1, null, null, null,
                    List.of(), e.toString());
        }
    }

    private static List<String> allWithHostile() {
        List<String> all = new ArrayList<>(FaultScenarios.ALL);
        all.add(HOSTILE);
        return all;
    }

    static void write(Path out, ScenarioContext context, Instant started, List<ScenarioResult> results,
            List<HostileInputResult> hostile) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("startedAt", started.toString());
        document.put("articlesPerScenario", context.articles());
        document.put("timeoutSeconds", context.timeout().toSeconds());
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("java", System.getProperty("java.version"));
        // Scenarios in their usual order, whatever order a merged rerun produced.
        results.sort(java.util.Comparator.comparingInt(r -> FaultScenarios.ALL.indexOf(r.name())));
        document.put("scenarios", results);
        document.put("hostileInputs", hostile);
        ObjectMapper mapper = mapper();
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writeValue(out.toFile(), document);
        Path tables = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
        Files.writeString(tables, "<!-- written by bench/faults from " + out.getFileName() + " -->\n\n"
                + MarkdownTables.scenarios(results) + "\n" + MarkdownTables.hostileInputs(hostile));
    }
}
