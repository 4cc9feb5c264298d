package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.StoryIds;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.TestArticles;
import dev.storywire.processor.TopologyFixture;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's lower bound does the work it claims to: analysis and document counts, every article alone. */
class TextStatisticsOnlyClusteringTest {

    private static final Instant T0 = Instant.parse("2021-05-18T12:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldCountEveryArticleIntoTheDocumentFrequencyStoreAndEmitItAsAStoryOfItsOwn() {
        ProcessorConfig config = ProcessorConfig.defaults();
        try (TopologyFixture topology = new TopologyFixture(config, stateDir,
                TextStatisticsOnlyClustering.supplier(config))) {
            topology.pipe(TestArticles.article("https://a.example/1", "Amazon extends police moratorium", "", T0));
            topology.pipe(TestArticles.article("https://b.example/2", "Amazon extends police moratorium again", "",
                    T0.plusSeconds(60)));

            assertThat(topology.storyOfArticles()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    "a.example/1", StoryIds.forFoundingArticle("a.example/1"),
                    "b.example/2", StoryIds.forFoundingArticle("b.example/2")));
            assertThat(topology.<String, Long>store(ClusteringStores.DOCUMENT_FREQUENCIES)
                    .get(ClusteringStores.DOCUMENT_COUNT_KEY)).isEqualTo(2L);
            assertThat(topology.<String, Long>store(ClusteringStores.DOCUMENT_FREQUENCIES).get("moratorium"))
                    .isEqualTo(2L);
            assertThat(topology.changelogKeys(ClusteringStores.DOCUMENT_FREQUENCIES)).contains("moratorium");
        }
    }
}
