package dev.storywire.app;

import dev.storywire.app.eval.GoldLabels;
import dev.storywire.app.eval.QualityReport;
import dev.storywire.app.eval.RelatedLinkBaseline;
import dev.storywire.embedded.Directories;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.ParseResult;
import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Json;
import dev.storywire.processor.quality.ClusteringScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storywire eval}: runs the real pipeline (embedded broker, Streams topology, Connect sink into SQLite) over
 * a directory of feed documents, reads each labelled document's story back from the database, and scores it
 * against gold labels with B-cubed and pairwise precision/recall/F1, next to two baselines computed in the same run
 * (every document alone; connected components of related links).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Measure clustering quality: run the whole pipeline over --input, read every labelled document's story "
                + "from the database and print B-cubed and pairwise precision/recall/F1 against --labels, with two "
                + "baselines (singletons, related-link components). Writes <results-dir>/quality-<window>.json.",
            "Exit codes: 0 measured; 1 the pipeline failed; 2 bad usage."})
public final class EvalCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(EvalCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", required = true,
            description = "Directory of the window's feed documents (the files the labels name).")
    Path input;

    @Option(names = "--labels", paramLabel = "TSV", required = true,
            description = "Labels file: header, then file<TAB>web_url<TAB>story per document.")
    Path labels;

    @Option(names = "--window", paramLabel = "NAME",
            description = "Name of the window in the report. Default: the labels file name without .tsv.")
    String window;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "bench/results",
            description = "Where quality-<window>.json goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up when the pipeline has not consumed everything after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        requireExists(input, "--input");
        requireExists(labels, "--labels");
        GoldLabels gold = GoldLabels.read(labels);
        String windowName = window != null ? window : labels.getFileName().toString().replaceFirst("\\.tsv$", "");
        Map<String, Article> documents = readDocuments(gold);

        Path workDir = Files.createTempDirectory("storywire-eval-");
        String db = "jdbc:sqlite:" + workDir.resolve("eval.db");
        List<Path> inputs = List.of(input.toAbsolutePath().normalize());
        try (LocalPipeline pipeline = LocalPipeline.start(
                new PipelineSettings(null, inputs, db, workDir, Duration.ofSeconds(timeoutSeconds)))) {
            Console.out("Pipeline up (Kafka at %s). Publishing %s ...", pipeline.bootstrapServers(), inputs);
            publishDayByDay(pipeline, new FeedIngest(pipeline.bootstrapServers()));
            Map<String, String> storyOfArticle = storiesOfFeedArticles(db);
            QualityReport report = score(windowName, gold, documents, storyOfArticle);
            report.lines().forEach(line -> Console.out("%s", line));
            Path out = resultsDir.resolve("quality-" + windowName + ".json");
            Files.createDirectories(resultsDir);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report.toJson());
            Console.out("Wrote %s", out);
            return 0;
        } catch (IllegalStateException e) {
            log.error("storywire eval failed: {}", e.getMessage(), e);
            Console.out("storywire eval failed: %s", e.getMessage());
            return 1;
        } finally {
            Directories.deleteQuietly(workDir);
        }
    }

    /**
     * Replays the window as the feed delivered it: one publish day at a time, in order, each day consumed before
     * the next. Publishing a two-week window at once would let the partitions' tasks run days apart in event
     * time, and stream time (which drives story retention) would run ahead of the articles still queued.
     */
    private void publishDayByDay(LocalPipeline pipeline, FeedIngest ingest) throws InterruptedException {
        FeedDocumentParser parser = new FeedDocumentParser();
        java.util.TreeMap<java.time.LocalDate, List<Path>> byDay = new java.util.TreeMap<>();
        for (Path file : dev.storywire.ingest.FeedInputs.feedFilesUnder(input)) {
            java.time.LocalDate day = java.time.LocalDate.MIN;
            for (ParseResult result : parser.parseFile(file)) {
                if (result instanceof ParseResult.Parsed parsed && parsed.article().publishedDateTime() != null) {
                    day = parsed.article().publishedDateTime().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                }
            }
            byDay.computeIfAbsent(day, d -> new java.util.ArrayList<>()).add(file);
        }
        for (Map.Entry<java.time.LocalDate, List<Path>> day : byDay.entrySet()) {
            log.debug("Publishing {} documents of {}", day.getValue().size(), day.getKey());
            ingest.publish(day.getValue());
            pipeline.awaitCaughtUp();
        }
    }

    static QualityReport score(String window, GoldLabels gold, Map<String, Article> documents,
            Map<String, String> storyOfArticle) {
        Map<String, String> predicted = new HashMap<>();
        int missing = 0;
        for (Map.Entry<String, String> label : gold.urlOfFile().entrySet()) {
            String story = storyOfArticle.get(CanonicalUrl.canonicalId(label.getValue()));
            if (story == null) {
                missing++;
                log.warn("Labelled document {} ({}) is not in the database; scored as a story of its own",
                        label.getKey(), label.getValue());
                story = "missing:" + label.getKey();
            }
            predicted.put(label.getKey(), story);
        }
        Map<String, String> singletons = new HashMap<>();
        gold.storyOfFile().keySet().forEach(file -> singletons.put(file, file));
        Map<String, String> components = new HashMap<>(RelatedLinkBaseline.components(documents));
        gold.storyOfFile().keySet().forEach(file -> components.putIfAbsent(file, "unread:" + file));
        return new QualityReport(window, gold.storyOfFile().size(), missing,
                new HashSet<>(predicted.values()).size(), new HashSet<>(gold.storyOfFile().values()).size(),
                ClusteringScores.of(predicted, gold.storyOfFile()), ClusteringScores.of(singletons, gold.storyOfFile()),
                ClusteringScores.of(components, gold.storyOfFile()), Instant.now());
    }

    /** The labelled documents as the producer parses them, by file name (for the related-links baseline). */
    private Map<String, Article> readDocuments(GoldLabels gold) {
        FeedDocumentParser parser = new FeedDocumentParser();
        Map<String, Article> documents = new HashMap<>();
        for (String file : gold.storyOfFile().keySet()) {
            Path path = input.resolve(file);
            if (!Files.isRegularFile(path)) {
                log.warn("Labelled file {} is not in {}", file, input);
                continue;
            }
            for (ParseResult result : parser.parseFile(path)) {
                if (result instanceof ParseResult.Parsed parsed) {
                    documents.put(file, parsed.article());
                } else {
                    log.warn("Labelled file {} does not parse: {}", path, result);
                }
            }
        }
        return documents;
    }

    /** Canonical article id to story id of every primary or syndicated row the sink wrote. */
    private static Map<String, String> storiesOfFeedArticles(String jdbcUrl) {
        String sql = "SELECT article_id, story_id FROM story_articles WHERE role IN ('primary', 'syndicated')";
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            Map<String, String> result = new HashMap<>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stories from " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private void requireExists(Path path, String option) {
        if (!Files.exists(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": no such file or directory: " + path.toAbsolutePath());
        }
    }
}
