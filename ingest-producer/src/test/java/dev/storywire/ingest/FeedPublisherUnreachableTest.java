package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** A real producer against a port where no broker listens: the failure must surface, bounded by the timeouts. */
class FeedPublisherUnreachableTest {

    @Test
    void shouldThrowPublishExceptionWhenNoBrokerAnswers() throws IOException {
        PublisherConfig config = PublisherConfig.of("127.0.0.1:" + freePort()).withOverrides(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        List<ParseResult> results = new FeedDocumentParser().parse("doc.md",
                FeedDocumentParserRejectionTest.doc("title: T\nwebUrl: https://example.com/a").getBytes(),
                InputFormat.FRONT_MATTER);

        try (FeedPublisher publisher = new FeedPublisher(config)) {
            assertThatThrownBy(() -> publisher.publish(results))
                    .isInstanceOfSatisfying(PublishException.class, e -> {
                        assertThat(e.topic()).isEqualTo("feed.articles");
                        assertThat(e.source()).isEqualTo("doc.md");
                        assertThat(e.partialReport().published()).isZero();
                        assertThat(e.getMessage()).contains("doc.md").contains("feed.articles");
                    });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
