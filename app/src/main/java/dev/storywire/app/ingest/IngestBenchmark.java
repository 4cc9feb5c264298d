package dev.storywire.app.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.embedded.Directories;
import dev.storywire.embedded.EmbeddedKafkaBroker;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.FeedIngestor;
import dev.storywire.ingest.FeedPublisher;
import dev.storywire.ingest.IngestReport;
import dev.storywire.ingest.InputFormat;
import dev.storywire.ingest.ParseResult;
import dev.storywire.ingest.ProducerSettings;
import dev.storywire.ingest.PublisherConfig;
import dev.storywire.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/ingest}: parse-and-publish throughput of the ingester against Kafka's own
 * {@code ProducerPerformance}, same record count, record size, producer settings and (embedded) broker, one run.
 *
 * <p>Arguments: {@code RESULT_JSON [DOCUMENTS [SHARED_DIR]]}; defaults 100000 documents, {@code ../shared}.
 */
public final class IngestBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(IngestBenchmark.class);
    /** Both runs write to topics of this many partitions, like the pipeline's feed.articles. */
    private static final int PARTITIONS = 3;
    /** Parse-only runs read this many documents per round: enough for a steady JIT, short on a loaded machine. */
    private static final int PARSE_ONLY_DOCUMENTS = 20_000;
    /** Rounds of each parser, alternating, so both see the same machine load. */
    private static final int PARSE_ONLY_ROUNDS = 5;
    /**
     * Ingest and ProducerPerformance run this many times each, alternating; the ratio is the median of the rounds.
     * One pair alone varied by a fifth between runs (ProducerPerformance 16,000 to 21,000 records/s).
     */
    private static final int INGEST_ROUNDS = 3;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args.length > 0 ? args[0] : "bench/results/ingest.json");
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path shared = Path.of(args.length > 2 ? args[2] : "../shared");
        List<String> originals = BenchmarkCorpus.originals(
                List.of(shared.resolve("corpus").resolve("everyday-ai"), shared.resolve("seeds")));
        Path work = Files.createTempDirectory("storywire-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build()
                .start()) {
            Path input = work.resolve("input");
            BenchmarkCorpus.write(originals, documents, input);
            int recordBytes = averageRecordBytes(originals);
            LOG.info("Benchmark: {} documents ({} originals, average record {} bytes) against {}", documents,
                    originals.size(), recordBytes, broker.bootstrapServers());
            createTopics(broker.bootstrapServers(), "bench.articles", "bench.dlq", "bench.perf");

            double loadBefore = loadAverage();
            ParseOnlyComparison parseOnly = ParseOnlyComparison.measure(input, PARSE_ONLY_DOCUMENTS, PARSE_ONLY_ROUNDS);
            List<double[]> rounds = new ArrayList<>();
            List<String> perfSummaries = new ArrayList<>();
            for (int round = 0; round < INGEST_ROUNDS; round++) {
                double ingestRate = ingestRate(broker.bootstrapServers(), input, documents);
                ProducerPerformanceRun perf = ProducerPerformanceRun.run(broker.bootstrapServers(), "bench.perf",
                        documents, recordBytes, perfProducerProps(broker.bootstrapServers()));
                rounds.add(new double[] {ingestRate, perf.recordsPerSecond(), ingestRate / perf.recordsPerSecond()});
                perfSummaries.add(perf.summaryLine());
                LOG.info("Round {}: ingest {} documents/s, ProducerPerformance {} records/s", round + 1,
                        Math.round(ingestRate), Math.round(perf.recordsPerSecond()));
            }
            double ingestRate = median(rounds, 0);
            double perfRate = median(rounds, 1);
            double ratio = median(rounds, 2);

            ObjectNode json = Json.mapper().createObjectNode();
            json.put("documents", documents);
            json.put("recordBytes", recordBytes);
            json.put("partitions", PARTITIONS);
            json.put("ingestDocumentsPerSecond", Math.round(ingestRate));
            json.put("parseOnlyDocumentsPerSecond", Math.round(parseOnly.streaming().wallMedian()));
            json.set("parseOnly", parseOnly.toJson());
            json.put("producerPerformanceRecordsPerSecond", Math.round(perfRate));
            json.put("ratio", round(ratio));
            json.put("ratioIs", "median over the rounds of ingest / ProducerPerformance, each pair run back to back");
            json.set("rounds", roundsJson(rounds, perfSummaries));
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("java", System.getProperty("java.version"));
            json.put("loadAverageAtStart", round(loadBefore));
            json.put("loadAverageAtEnd", round(loadAverage()));
            json.putPOJO("producerSettings", ProducerSettings.masked(
                    ProducerSettings.effective(broker.bootstrapServers(), Map.of())));
            Files.createDirectories(result.toAbsolutePath().getParent());
            Files.writeString(result, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            LOG.info("Ingest {} documents/s, ProducerPerformance {} records/s, ratio {} (medians of {} rounds; parse "
                    + "only {} documents/s); written to {}", Math.round(ingestRate), Math.round(perfRate),
                    round(ratio), INGEST_ROUNDS, Math.round(parseOnly.streaming().wallMedian()),
                    result.toAbsolutePath());
        } finally {
            Directories.deleteQuietly(work);
        }
    }

    /** One whole {@code ingest} of {@code input} (parse, order, publish), in documents per second. */
    private static double ingestRate(String bootstrapServers, Path input, int documents) {
        PublisherConfig config = PublisherConfig.of(bootstrapServers).withTopics("bench.articles", "bench.dlq");
        long start = System.nanoTime();
        IngestReport report;
        try (FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(), new FeedPublisher(config))) {
            report = ingestor.ingest(List.of(input));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report.published() != documents) {
            throw new IllegalStateException("expected " + documents + " published, got " + report.toJson());
        }
        return documents / seconds;
    }

    private static ArrayNode roundsJson(List<double[]> rounds, List<String> perfSummaries) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (int i = 0; i < rounds.size(); i++) {
            ObjectNode entry = array.addObject();
            entry.put("ingestDocumentsPerSecond", Math.round(rounds.get(i)[0]));
            entry.put("producerPerformanceRecordsPerSecond", Math.round(rounds.get(i)[1]));
            entry.put("ratio", round(rounds.get(i)[2]));
            entry.put("producerPerformanceSummary", perfSummaries.get(i));
        }
        return array;
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(round -> round[column]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The mean size of the serialized article values, the record size ProducerPerformance is given. */
    private static int averageRecordBytes(List<String> originals) {
        FeedDocumentParser parser = new FeedDocumentParser();
        long total = 0;
        for (int i = 0; i < originals.size(); i++) {
            byte[] bytes = BenchmarkCorpus.copy(originals.get(i), i).getBytes(StandardCharsets.UTF_8);
            ParseResult result = parser.parse("original-" + i, bytes, InputFormat.FRONT_MATTER).get(0);
            total += ((ParseResult.Parsed) result).value().length;
        }
        return (int) (total / originals.size());
    }

    /** The ingester's producer settings (the ones that matter for throughput), for ProducerPerformance. */
    private static List<String> perfProducerProps(String bootstrapServers) {
        Map<String, Object> effective = ProducerSettings.effective(bootstrapServers, Map.of());
        List<String> props = new ArrayList<>();
        for (String key : List.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.ACKS_CONFIG,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG,
                ProducerConfig.BATCH_SIZE_CONFIG)) {
            props.add(key + "=" + effective.get(key));
        }
        return props;
    }

    private static void createTopics(String bootstrapServers, String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Stream.of(names).map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList())
                    .all().get();
        }
    }

    /** The system load average over the last minute (the machine's, not this JVM's), or -1 when unknown. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
