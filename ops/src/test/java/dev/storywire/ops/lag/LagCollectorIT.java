package dev.storywire.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.testsupport.KafkaClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class LagCollectorIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private KafkaTestClients clients;
    private LagCollector collector;
    private LagMonitor monitor;
    private String topic;
    private String group;

    @BeforeEach
    void setUp(TestInfo test) {
        clients = new KafkaTestClients(KAFKA.bootstrapServers());
        collector = LagCollector.create(KAFKA.bootstrapServers());
        monitor = new LagMonitor(collector, Duration.ofMinutes(1));
        String name = test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
        topic = "lag-it-" + name;
        group = "group-" + name;
    }

    @AfterEach
    void tearDown() {
        collector.close();
    }

    private GroupLag lagOf(String groupId) {
        return monitor.sample(List.of(groupId)).groups().get(0);
    }

    @Test
    void shouldReportZeroLagAndOkForAGroupThatConsumedEverything() throws Exception {
        clients.createTopic(topic, 2);
        clients.produce(topic, 0, 6);
        clients.produce(topic, 1, 4);
        clients.consumeAndCommit(group, topic, 10);

        GroupLag lag = lagOf(group);

        assertThat(lag.status()).isEqualTo(LagStatus.OK);
        assertThat(lag.lag()).isZero();
        assertThat(lag.lagSeconds()).isZero();
        assertThat(lag.partitions()).extracting(PartitionLag::committed).containsExactly(6L, 4L);
        assertThat(lag.partitions()).extracting(PartitionLag::end).containsExactly(6L, 4L);
    }

    @Test
    void shouldNotCountTransactionMarkersOrAbortedRecordsAsLag() throws Exception {
        clients.createTopic(topic, 1);
        clients.produceInTransactions(topic, 0, List.of(3, 2));
        clients.consumeAndCommit(group, topic, 5);

        GroupLag lag = lagOf(group);

        PartitionLag partition = lag.partitions().get(0);
        // 5 data records, 2 commit markers, 3 aborted records and their abort marker: the group committed 5 + 1.
        assertThat(partition.committed()).isLessThan(partition.end());
        assertThat(partition.lag()).isZero();
        assertThat(partition.status()).isEqualTo(LagStatus.OK);
        assertThat(lag.status()).isEqualTo(LagStatus.OK);
        assertThat(collector.unconsumedRecords(group, Set.of(topic))).isZero();
    }

    @Test
    void shouldShowRecordsProducedWhileTheConsumerIsStopped() throws Exception {
        clients.createTopic(topic, 1);
        clients.produce(topic, 0, 5);
        clients.consumeAndCommit(group, topic, 5);
        clients.produce(topic, 0, 7);

        GroupLag lag = lagOf(group);

        PartitionLag partition = lag.partitions().get(0);
        assertThat(partition.committed()).isEqualTo(5);
        assertThat(partition.end()).isEqualTo(12);
        assertThat(partition.lag()).isEqualTo(7);
        assertThat(partition.lagSeconds()).isPositive();
        assertThat(partition.status()).isEqualTo(LagStatus.STOP);
        assertThat(lag.status()).isEqualTo(LagStatus.STOP);
        assertThat(lag.lag()).isEqualTo(7);
    }

    @Test
    void shouldCountFromTheLogStartWhereAGroupHasNotCommitted() throws Exception {
        clients.createTopic(topic, 2);
        clients.produce(topic, 0, 3);
        clients.produce(topic, 1, 2);

        assertThat(collector.unconsumedRecords(group, Set.of(topic))).isEqualTo(5);
    }

    @Test
    void shouldReportAnUnknownGroupAsErr() {
        GroupLag lag = lagOf(group);

        assertThat(lag.status()).isEqualTo(LagStatus.ERR);
        assertThat(lag.partitions()).isEmpty();
    }
}
