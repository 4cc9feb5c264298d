package dev.storywire.ops.lag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a consumer group's committed offsets, the partitions' end offsets, counts the data records in between
 * and finds the timestamp of the oldest one: the single implementation of "how far behind is this group" (also
 * what {@code storywire run} waits on, through {@link #unconsumedRecords(String, Collection)}).
 *
 * <p>Not thread-safe: one collector per sampling thread.
 */
public final class LagCollector implements AutoCloseable {

    /** Records read per partition and sample before the rest is estimated from offsets. */
    public static final long DEFAULT_COUNT_LIMIT = 100_000;
    /** How long one sample may spend reading records. */
    public static final Duration DEFAULT_READ_LIMIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(LagCollector.class);

    private final Admin admin;
    private final boolean ownsAdmin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final UnconsumedRecordCounter counter;
    private final Clock clock;
    private final List<KafkaClientMetrics> boundMetrics = new ArrayList<>();

    private LagCollector(Admin admin, boolean ownsAdmin, String bootstrapServers, Clock clock) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.clock = clock;
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "storywire-lag-reader",
                // Count what the groups see: committed data only, never aborted records or markers.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A committed offset already deleted by retention: count from the oldest record still there.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.counter = new UnconsumedRecordCounter(reader, DEFAULT_COUNT_LIMIT, DEFAULT_READ_LIMIT, clock);
    }

    /** A collector with its own admin client. */
    public static LagCollector create(String bootstrapServers) {
        Admin admin = AdminClient.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "storywire-lag-admin",
                // Fail within a sample interval or two when the cluster is unreachable (the API timeout may not
                // be below the request timeout, 30 s by default).
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        try {
            return new LagCollector(admin, true, bootstrapServers, Clock.systemUTC());
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    /** A collector on an admin client owned by the caller (not closed by {@link #close()}). */
    public static LagCollector using(Admin admin, String bootstrapServers) {
        return new LagCollector(admin, false, bootstrapServers, Clock.systemUTC());
    }

    /** Exposes this collector's own Kafka client metrics (admin and reader) in {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        List<KafkaClientMetrics> binders = new ArrayList<>();
        binders.add(new KafkaClientMetrics(reader));
        if (admin instanceof AdminClient adminClient) {
            binders.add(new KafkaClientMetrics(adminClient));
        }
        binders.forEach(binder -> binder.bindTo(registry));
        boundMetrics.addAll(binders);
    }

    /** The group's lag on every partition it has committed an offset for. */
    public GroupOffsets collect(String group) {
        return call("read offsets of group " + group, () -> {
            Instant time = clock.instant();
            Map<TopicPartition, Long> committed = committedOffsets(group);
            int members = activeMembers(group);
            return read(group, time, committed, members);
        });
    }

    /**
     * The group's lag on every partition of {@code topics}; a partition it has not committed yet counts from its
     * log start offset.
     */
    public GroupOffsets collect(String group, Collection<String> topics) {
        return call("read offsets of group " + group, () -> {
            Instant time = clock.instant();
            Map<TopicPartition, Long> committed = committedOffsets(group);
            int members = activeMembers(group);
            Map<TopicPartition, Long> positions = new HashMap<>();
            Map<TopicPartition, Long> starts = offsets(partitionsOf(topics), OffsetSpec.earliest(),
                    IsolationLevel.READ_UNCOMMITTED);
            starts.forEach((partition, start) -> positions.put(partition, committed.getOrDefault(partition, start)));
            return read(group, time, positions, members);
        });
    }

    /**
     * Data records on {@code topics} that {@code group} has not committed yet; a partition without a commit counts
     * from its start. Transaction markers are not records. 0 means caught up.
     */
    public long unconsumedRecords(String group, Collection<String> topics) {
        return collect(group, topics).totalLag();
    }

    /** Topics whose names start with {@code prefix} and end with {@code suffix}, e.g. Streams repartition topics. */
    public Set<String> topicsMatching(String prefix, String suffix) {
        return call("list topics", () -> admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                .collect(Collectors.toSet()));
    }

    private GroupOffsets read(String group, Instant time, Map<TopicPartition, Long> committed, int members)
            throws ExecutionException, InterruptedException {
        if (committed.isEmpty()) {
            return new GroupOffsets(group, time, members > 0, members, List.of());
        }
        // Commits first, ends second: records a commit covers are already below the end offsets read next.
        Map<TopicPartition, Long> ends = offsets(committed.keySet(), OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> stable = offsets(committed.keySet(), OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, UnconsumedRecordCounter.Range> ranges = new HashMap<>();
        committed.forEach((partition, offset) -> {
            Long end = ends.get(partition);
            if (end == null) {
                log.warn("Group {} has committed offset {} on {}, which no longer exists", group, offset, partition);
                return;
            }
            ranges.put(partition, new UnconsumedRecordCounter.Range(offset, stable.getOrDefault(partition, end), end));
        });
        Map<TopicPartition, UnconsumedRecordCounter.Counted> counted = counter.count(ranges);
        List<PartitionOffsets> partitions = new ArrayList<>();
        ranges.forEach((partition, range) -> {
            UnconsumedRecordCounter.Counted c = counted.get(partition);
            partitions.add(new PartitionOffsets(partition, range.from(), range.end(), c.records(), c.oldestTimestamp()));
        });
        return new GroupOffsets(group, time, true, members, partitions);
    }

    private Map<TopicPartition, Long> committedOffsets(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        // A partition listed without an offset has no commit: leave it out.
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Active members of the group: consumer-protocol or classic groups first, then Streams-protocol groups. */
    private int activeMembers(String group) throws InterruptedException {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().size();
        } catch (ExecutionException consumerGroupFailure) {
            if (!(consumerGroupFailure.getCause() instanceof GroupIdNotFoundException)) {
                log.debug("Cannot describe {} as a consumer group: {}", group, consumerGroupFailure.getCause().toString());
            }
        }
        try {
            return admin.describeStreamsGroups(List.of(group)).describedGroups().get(group).get().members().size();
        } catch (ExecutionException streamsGroupFailure) {
            log.debug("Cannot describe {} as a streams group: {}", group, streamsGroupFailure.getCause().toString());
            return 0;
        }
    }

    private Set<TopicPartition> partitionsOf(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        return descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec,
                                              IsolationLevel isolation) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        var listed = admin.listOffsets(request, new ListOffsetsOptions(isolation));
        for (TopicPartition partition : partitions) {
            try {
                result.put(partition, listed.partitionResult(partition).get().offset());
            } catch (ExecutionException e) {
                // A deleted topic: leave the partition out, the caller reports it.
                log.debug("Cannot list the {} offset of {}: {}", spec.getClass().getSimpleName(), partition,
                        e.getCause().toString());
            }
        }
        return result;
    }

    private interface KafkaCall<T> {
        T run() throws ExecutionException, InterruptedException;
    }

    private static <T> T call(String what, KafkaCall<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        boundMetrics.forEach(KafkaClientMetrics::close);
        reader.close();
        if (ownsAdmin) {
            admin.close();
        }
    }
}
