package dev.storywire.processor.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.processor.ExpiryKeys;
import dev.storywire.processor.TestArticles;
import dev.storywire.processor.TopologyFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupeRetentionTest {

    private static final Instant T0 = Instant.parse("2021-05-18T12:00:00Z");

    @TempDir
    Path stateDir;

    private static Article article(String url, String title, Instant published) {
        return TestArticles.article(url, title, "", published);
    }

    private static long emitted(TopologyFixture topology, String id) {
        return topology.readStoryArticles().stream().filter(kv -> kv.key.equals(id)).count();
    }

    @Test
    void shouldDropACopyWithinRetention() {
        Article first = article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0);
        try (TopologyFixture topology = new TopologyFixture(stateDir)) {
            topology.pipe(first);
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(20))));
            topology.pipe(article("https://c.example/3", "Nvidia unveils a processor", T0.plus(Duration.ofDays(20))));
            topology.pipe(first);

            assertThat(emitted(topology, first.id())).isEqualTo(1);
        }
    }

    @Test
    void shouldForgetIdsNotSeenForTheRetentionThroughTheExpiryIndex() {
        Article first = article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0);
        try (TopologyFixture topology = new TopologyFixture(stateDir)) {
            topology.pipe(first);
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(40))));
            topology.pipe(article("https://c.example/3", "Nvidia unveils a processor", T0.plus(Duration.ofDays(40))));

            assertThat(topology.<String, DedupeEntry>store(DedupeProcessor.STORE).get(first.id())).isNull();
            assertThat(topology.<String, String>store(DedupeProcessor.EXPIRY_STORE).get(
                    ExpiryKeys.of(T0.toEpochMilli(), first.id()))).isNull();
            assertThat(topology.<String, String>store(DedupeProcessor.EXPIRY_STORE).get(ExpiryKeys
                    .of(T0.plus(Duration.ofDays(40)).toEpochMilli(), "b.example/2"))).isEqualTo("b.example/2");
            topology.pipe(first);
            assertThat(emitted(topology, first.id())).isEqualTo(2);
        }
    }
}
