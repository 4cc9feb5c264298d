package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectWorkerMainTest {

    @Test
    void shouldConfigureTheSinkOnBothOutputTopicsWithADeadLetterTopic() {
        var config = ConnectWorkerMain.sinkConfig("jdbc:sqlite:/tmp/x.db", "3");

        assertThat(config).containsEntry("connector.class", "dev.storywire.sink.StorySinkConnector")
                .containsEntry("topics", "stories,stories.articles")
                .containsEntry("connection.url", "jdbc:sqlite:/tmp/x.db")
                .containsEntry("errors.tolerance", "all")
                .containsEntry("errors.deadletterqueue.topic.name", ConnectWorkerMain.SINK_DLQ_TOPIC)
                .containsEntry("errors.deadletterqueue.topic.replication.factor", "3");
    }
}
