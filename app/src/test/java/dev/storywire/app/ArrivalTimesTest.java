package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ArrivalTimesTest {

    @Test
    void shouldGivePercentilesOfTheTimeFromSendToFirstArrival() {
        ArrivalTimes times = new ArrivalTimes();
        for (int i = 0; i < 1000; i++) {
            times.sent("a" + i, 1_000);
            times.seenOnTopic("a" + i, 1_000 + i + 1);
            times.seenOnTopic("a" + i, 999_999); // a later update of the same article does not count
        }

        ObjectNode json = times.toTopicPercentiles();

        assertThat(json.get("count").asInt()).isEqualTo(1000);
        assertThat(json.get("missing").asInt()).isZero();
        assertThat(json.get("p50").asLong()).isEqualTo(500);
        assertThat(json.get("p99").asLong()).isEqualTo(990);
        assertThat(json.get("p999").asLong()).isEqualTo(999);
        assertThat(json.get("max").asLong()).isEqualTo(1000);
    }

    @Test
    void shouldIgnoreArticlesSentDuringTheWarmUpAndCountMissingOnes() {
        ArrivalTimes times = new ArrivalTimes();
        times.sent("measured", 0);
        times.sent("lost", 0);
        times.seenInDatabase("warm-up", 5);
        times.seenInDatabase("measured", 7);

        assertThat(times.toDatabasePercentiles().get("missing").asInt()).isEqualTo(1);
        assertThat(times.awaitingDatabase()).containsExactly("lost");
        assertThat(times.allArrived()).isFalse();
    }
}
