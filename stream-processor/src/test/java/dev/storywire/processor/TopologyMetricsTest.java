package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.ops.metrics.PipelineMetrics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology counts what operators watch into the application's Micrometer registry. */
class TopologyMetricsTest {

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void addRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
        registry.close();
    }

    @Test
    void shouldCountNewStoriesDuplicatesAndLatency() {
        List<Article> seeds = CorpusFiles.list(CorpusFiles.SEEDS).stream().map(CorpusFiles::read).toList();
        Article first = seeds.get(0);
        Article ingested = new Article(first.id(), first.title(), first.excerpt(), first.publishedDateTime(),
                first.webUrl(), first.originalUrl(), first.ampWebUrl(), first.cdnAmpWebUrl(), first.type(),
                first.category(), first.quality(), first.heat(), first.published(), first.provider(), first.topics(),
                first.images(), first.related(), first.secured(), first.extra(), "again.txt", "hash",
                Instant.now().minusSeconds(2));

        try (TopologyFixture topology = new TopologyFixture(stateDir)) {
            seeds.forEach(topology::pipe);
            topology.pipe(ingested);
        }

        // The May 2021 moratorium (with the misdated 2022 Courthouse copy) and the June 2020 ban.
        assertThat(registry.get(PipelineMetrics.STORIES_CREATED).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(PipelineMetrics.ARTICLES_DEDUPLICATED).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(PipelineMetrics.STORIES_MERGED).counter().count()).isZero();
    }
}
