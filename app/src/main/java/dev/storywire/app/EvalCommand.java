package dev.storywire.app;

import dev.storywire.app.eval.ArrivalOrder;
import dev.storywire.app.eval.ArrivalOrders;
import dev.storywire.app.eval.GoldLabels;
import dev.storywire.app.eval.OrdersReport;
import dev.storywire.app.eval.QualityReport;
import dev.storywire.app.eval.RelatedLinkBaseline;
import dev.storywire.embedded.Directories;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.FeedInputs;
import dev.storywire.ingest.FeedPublisher;
import dev.storywire.ingest.IngestReport;
import dev.storywire.ingest.ParseResult;
import dev.storywire.ingest.PublishException;
import dev.storywire.ingest.PublishTimeOrder;
import dev.storywire.ingest.PublisherConfig;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * (every document alone; connected components of related links). With {@code --orders N} it does so N times, each
 * from a clean state and with the documents published in another order (see {@link ArrivalOrders}), and reports the
 * minimum, median and maximum: stories should not depend on the order articles arrive in.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Measure clustering quality: run the whole pipeline over --input, read every labelled document's story "
                + "from the database and print B-cubed and pairwise precision/recall/F1 against --labels, with two "
                + "baselines (singletons, related-link components). Writes <results-dir>/quality-<window>.json.",
            "With --orders N the window runs N times from a clean state, published in N orders: as run delivers it "
                + "(publish-time order), file order, reversed, then seeded shuffles; it prints and writes the "
                + "minimum, median and maximum of B-cubed and pairwise F1.",
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

    @Option(names = "--orders", paramLabel = "N", defaultValue = "1",
            description = "Run the window N times, each from a clean state, in N arrival orders: as run delivers it, "
                    + "file order, reversed, then N-3 shuffles with the seeds 1, 2, ... (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up when the pipeline has not consumed everything after this long, per order "
                    + "(default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        requireExists(input, "--input");
        requireExists(labels, "--labels");
        if (orders < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be at least 1, got " + orders);
        }
        GoldLabels gold = GoldLabels.read(labels);
        String windowName = window != null ? window : labels.getFileName().toString().replaceFirst("\\.tsv$", "");
        Map<String, Article> documents = readDocuments(gold);
        Map<Path, List<ParseResult>> parsed = parseWindow();
        List<ArrivalOrder> arrivalOrders = ArrivalOrders.of(List.copyOf(parsed.keySet()),
                PublishTimeOrder.by(file -> publishedDateTime(parsed.get(file)), Path::toString), orders);

        Path workDir = Files.createTempDirectory("storywire-eval-");
        try {
            List<OrdersReport.Run> runs = new ArrayList<>();
            for (int i = 0; i < arrivalOrders.size(); i++) {
                ArrivalOrder order = arrivalOrders.get(i);
                Console.out("Order %d of %d: %s ...", i + 1, arrivalOrders.size(), order.name());
                Map<String, String> storyOfArticle = runOrder(order, parsed, workDir.resolve("order-" + (i + 1)));
                QualityReport report = score(windowName, gold, documents, storyOfArticle);
                Console.out("%s", QualityReport.line(order.name(), report.pipeline()));
                runs.add(new OrdersReport.Run(order, report));
            }
            OrdersReport report = new OrdersReport(windowName, runs, Instant.now());
            report.lines().forEach(line -> Console.out("%s", line));
            Path out = resultsDir.resolve("quality-" + windowName + ".json");
            Files.createDirectories(resultsDir);
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report.toJson());
            Console.out("Wrote %s", out);
            return 0;
        } catch (IllegalStateException | PublishException e) {
            log.error("storywire eval failed: {}", e.getMessage(), e);
            Console.out("storywire eval failed: %s", e.getMessage());
            return 1;
        } finally {
            Directories.deleteQuietly(workDir);
        }
    }

    /**
     * One order from a clean state: a new embedded broker, Streams state and database, so nothing of an earlier
     * order is left. (Deleting and recreating the topics on one broker raced with the new Streams client's metadata,
     * which then saw its input topic missing.) Returns each article's story from the database.
     */
    private Map<String, String> runOrder(ArrivalOrder order, Map<Path, List<ParseResult>> parsed, Path orderDir)
            throws Exception {
        Files.createDirectories(orderDir);
        String db = "jdbc:sqlite:" + orderDir.resolve("eval.db");
        PipelineSettings settings = new PipelineSettings(null, List.of(input.toAbsolutePath().normalize()), db,
                orderDir, Duration.ofSeconds(timeoutSeconds));
        if (order.kind() != ArrivalOrder.Kind.AS_RUN_DELIVERS_IT) {
            // One partition, so the clustering sees exactly this order. Over run's three, the processor interleaves
            // the partitions its own way, different from one run to the next, and the same order scored
            // differently in two runs.
            settings = settings.withTopicPartitions(1);
        }
        try (LocalPipeline pipeline = LocalPipeline.start(settings)) {
            IngestReport published = publish(pipeline.bootstrapServers(), order, parsed);
            log.info("Order {}: published {} documents, rejected {}", order.name(), published.published(),
                    published.rejected());
            pipeline.awaitCaughtUp();
        }
        return storiesOfFeedArticles(db);
    }

    /**
     * Publishes the window in {@code order} with one producer to a topic of one partition, so the clustering receives
     * the documents in exactly that order. The order {@code run} delivers goes through {@code run}'s own code path
     * ({@link FeedIngest}, three partitions), given the files in publish-time order.
     */
    private static IngestReport publish(String bootstrapServers, ArrivalOrder order,
            Map<Path, List<ParseResult>> parsed) {
        if (order.kind() == ArrivalOrder.Kind.AS_RUN_DELIVERS_IT) {
            return new FeedIngest(bootstrapServers).publish(order.files());
        }
        try (FeedPublisher publisher = new FeedPublisher(PublisherConfig.of(bootstrapServers))) {
            return publisher.publish(order.files().stream().flatMap(file -> parsed.get(file).stream()));
        }
    }

    /** Every feed file of the window, parsed once, in file order. */
    private Map<Path, List<ParseResult>> parseWindow() {
        FeedDocumentParser parser = new FeedDocumentParser();
        Map<Path, List<ParseResult>> parsed = new LinkedHashMap<>();
        for (Path file : FeedInputs.feedFilesUnder(input.toAbsolutePath().normalize())) {
            parsed.put(file, parser.parseFile(file));
        }
        return parsed;
    }

    /** The publish time of a file's first dated document, {@code null} when it has none. */
    private static Instant publishedDateTime(List<ParseResult> results) {
        return results.stream()
                .filter(ParseResult.Parsed.class::isInstance)
                .map(result -> ((ParseResult.Parsed) result).record().publishedDateTime())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
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
