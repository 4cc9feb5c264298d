package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterNodeMainTest {

    private static final String VOTERS = "1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103";

    @Test
    void shouldReplicateThreeTimesAndRequireTwoInSyncReplicas() {
        Properties props = ClusterNodeMain.properties("2", "9092", "9102", VOTERS, Path.of("/data"), "3");

        assertThat(props).containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("offsets.topic.replication.factor", "3");
    }

    @Test
    void shouldJoinTheStaticQuorumAsItsOwnNode() {
        Properties props = ClusterNodeMain.properties("2", "9092", "9102", VOTERS, Path.of("/data"), "3");

        assertThat(props).containsEntry("node.id", "2").containsEntry("controller.quorum.voters", VOTERS)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9102")
                .containsEntry("log.dirs", Path.of("/data/logs").toString());
    }
}
