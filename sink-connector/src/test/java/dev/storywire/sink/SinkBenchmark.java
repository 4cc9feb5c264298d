package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.T0;
import static dev.storywire.sink.Fixtures.member;
import static dev.storywire.sink.Fixtures.story;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test: rows/s of story updates into PostgreSQL through the connector's put path
 * ({@link StorySinkTask#put} with records as StringConverter hands them over, batches of 500 like Connect's
 * default {@code max.poll.records}), against a plain JDBC batched insert of the same rows in the same run and
 * the same server, and once more with one record per put that PostgreSQL refuses (the cost of isolating it).
 * Writes {@code bench/results/sink.json}; run it with {@code bench/sink}.
 *
 * <p>Arguments: output file (default {@code ../bench/results/sink.json}), story count (default 100000).
 */
public final class SinkBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SinkBenchmark.class);
    /** Connect's default max.poll.records: how many records one put() gets at most. */
    private static final int PUT_SIZE = 500;
    private static final int WARM_UP_STORIES = 20_000;
    /** One refused record per put of {@value #PUT_SIZE}. */
    private static final int REFUSED_EVERY = 500;

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "../bench/results/sink.json");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        // A durable server (default fsync and synchronous_commit): the figures are for a real deployment.
        try (PostgresServer server = PostgresServer.find(List.of()).orElseThrow(
                () -> new IllegalStateException(PostgresServer.unavailableReason()))) {
            List<Story> warmUp = stories(WARM_UP_STORIES);
            viaConnector(server.createSchema("bench_warm_connector"), warmUp);
            viaJdbc(server.createSchema("bench_warm_jdbc"), warmUp);

            List<Story> stories = stories(count);
            double jdbcSeconds = viaJdbc(server.createSchema("bench_jdbc"), stories);
            double connectorSeconds = viaConnector(server.createSchema("bench_connector"), stories);
            double refusedSeconds = viaConnector(server.createSchema("bench_connector_refused"),
                    withRefusedHeadlines(stories));
            write(output, count, connectorSeconds, jdbcSeconds, refusedSeconds);
        }
    }

    /** Story updates as the processor emits them: a primary, a syndicated and a related member each. */
    private static List<Story> stories(int count) {
        List<Story> stories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant published = T0.plusSeconds(i);
            stories.add(story("st-" + i, 1 + i % 3,
                    member("news.example/" + i, Role.PRIMARY, published),
                    member("wire.example/" + i, Role.SYNDICATED, published),
                    member("blog.example/" + i, Role.RELATED, published.minusSeconds(60))));
        }
        return stories;
    }

    /**
     * The same stories with a NUL in the headline of one in {@value #REFUSED_EVERY}, which PostgreSQL refuses
     * (SQLState 22021): one refused record in every put, the worst spread for the sink's isolation.
     */
    private static List<Story> withRefusedHeadlines(List<Story> stories) {
        List<Story> result = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            Story s = stories.get(i);
            result.add(i % REFUSED_EVERY != REFUSED_EVERY / 2 ? s : new Story(s.storyId(), s.headline() + " \0",
                    s.articleCount(), s.members(), s.providers(), s.topics(), s.firstSeen(), s.lastUpdated(),
                    s.version()));
        }
        return result;
    }

    private static double viaConnector(String url, List<Story> stories) {
        List<SinkRecord> records = new ArrayList<>(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            records.add(Fixtures.storyRecord(i, stories.get(i)));
        }
        StorySinkTask task = new StorySinkTask();
        RecordingSinkTaskContext context = RecordingSinkTaskContext.withErrantReporter(Map.of());
        task.initialize(context);
        task.start(Map.of(StorySinkConfig.CONNECTION_URL, url, StorySinkConfig.BATCH_SIZE, String.valueOf(PUT_SIZE)));
        try {
            task.put(records.subList(0, 1)); // connects and creates the tables outside the measurement
            long start = System.nanoTime();
            for (int from = 0; from < records.size(); from += PUT_SIZE) {
                task.put(records.subList(from, Math.min(records.size(), from + PUT_SIZE)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{} records, {} refused, in {} s", records.size(), context.reported.size(), seconds);
            return seconds;
        } finally {
            task.stop();
        }
    }

    /** The reference: the story rows alone, one plain INSERT batch and one commit per 500 rows. */
    private static double viaJdbc(String url, List<Story> stories) throws SQLException, IOException {
        PostgresDialect dialect = new PostgresDialect();
        TableNames tables = TableNames.withPrefix("");
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement ddl = c.createStatement()) {
                for (String sql : dialect.createStatements(tables)) {
                    ddl.execute(sql);
                }
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.stories()
                    + " (story_id, headline, article_count, first_seen, last_updated, version, providers, topics)"
                    + " VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))")) {
                for (int i = 0; i < stories.size(); i++) {
                    Story story = stories.get(i);
                    ps.setString(1, story.storyId());
                    ps.setString(2, story.headline());
                    ps.setInt(3, story.articleCount());
                    dialect.setInstant(ps, 4, story.firstSeen());
                    dialect.setInstant(ps, 5, story.lastUpdated());
                    ps.setLong(6, story.version());
                    ps.setString(7, Json.mapper().writeValueAsString(story.providers()));
                    ps.setString(8, Json.mapper().writeValueAsString(story.topics()));
                    ps.addBatch();
                    if ((i + 1) % PUT_SIZE == 0 || i == stories.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void write(Path output, int count, double connectorSeconds, double jdbcSeconds,
            double refusedSeconds) throws IOException {
        double connectorRate = count / connectorSeconds;
        double jdbcRate = count / jdbcSeconds;
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("stories", count);
        result.put("database", "PostgreSQL (private server, default durability settings)");
        result.put("putSize", PUT_SIZE);
        result.put("batchSize", PUT_SIZE);
        result.put("connectorRowsPerSecond", Math.round(connectorRate));
        result.put("connectorSeconds", Math.round(connectorSeconds * 100) / 100.0);
        result.put("plainJdbcRowsPerSecond", Math.round(jdbcRate));
        result.put("plainJdbcSeconds", Math.round(jdbcSeconds * 100) / 100.0);
        result.put("ratio", Math.round(connectorRate / jdbcRate * 100) / 100.0);
        result.put("target", 0.7);
        result.put("connectorWithRefusedRowsPerSecond", Math.round(count / refusedSeconds));
        result.put("connectorWithRefusedSeconds", Math.round(refusedSeconds * 100) / 100.0);
        result.put("refusedPerPut", PUT_SIZE / REFUSED_EVERY);
        result.put("refusedPath", "the same stories, one in " + REFUSED_EVERY + " with a NUL in its headline "
                + "(SQLState 22021): each put rolls back, writes again in halves inside savepoints down to the "
                + "refused record, reports it and commits the rest");
        result.put("connectorPath", "StorySinkTask.put: JSON parse, version-guarded upsert of the story, "
                + "replace of its related member row, one transaction per put of " + PUT_SIZE + " records");
        result.put("reference", "plain INSERT of the same story rows, JDBC batches of " + PUT_SIZE
                + ", one commit per batch");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("java", System.getProperty("java.version"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        LOG.info("Connector {} rows/s, plain JDBC {} rows/s, ratio {}; with a refused record per put {} rows/s; "
                + "written to {}", Math.round(connectorRate), Math.round(jdbcRate), result.get("ratio"),
                result.get("connectorWithRefusedRowsPerSecond"), output);
    }
}
