package dev.storywire.processor.cluster;

import static dev.storywire.processor.TestArticles.article;
import static dev.storywire.processor.TestArticles.relatedTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.TopologyFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryMergeTest {

    private static final Instant T0 = Instant.parse("2021-03-02T15:00:00Z");

    private static final Article VMWARE = article("https://one.example/vmware-nvidia",
            "VMware and Nvidia alliance expands with vSphere GPU support",
            "VMware vSphere 7 gets support for Nvidia A100 GPUs in the data center.", T0);
    private static final Article SUITE = article("https://two.example/nvidia-suite",
            "Nvidia launches AI Enterprise software suite",
            "The Nvidia AI Enterprise suite bundles AI frameworks certified for enterprise servers.",
            T0.plus(Duration.ofHours(1)));
    private static final Article BOTH = article("https://three.example/nvidia-ai-enterprise-vsphere",
            "Nvidia launches AI Enterprise suite for VMware vSphere with GPU support",
            "Nvidia AI Enterprise software suite runs on VMware vSphere 7 with Nvidia A100 GPUs.",
            T0.plus(Duration.ofHours(2)), relatedTo(VMWARE), relatedTo(SUITE));

    @TempDir
    Path stateDir;

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(ProcessorConfig.defaults(), stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldKeepTwoStoriesApartUntilAnArticleJoinsThem() {
        topology.pipe(VMWARE);
        topology.pipe(SUITE);

        Map<String, String> storyOf = topology.storyOfArticles();
        assertThat(storyOf.get(VMWARE.id())).isEqualTo(StoryIds.forFoundingArticle(VMWARE.id()));
        assertThat(storyOf.get(SUITE.id())).isEqualTo(StoryIds.forFoundingArticle(SUITE.id()));
    }

    @Test
    void shouldMergeIntoTheOlderStoryWithATombstoneForTheOther() {
        String older = StoryIds.forFoundingArticle(VMWARE.id());
        String younger = StoryIds.forFoundingArticle(SUITE.id());
        topology.pipe(VMWARE);
        topology.pipe(SUITE);
        topology.readStoryArticles();
        topology.readStories();

        topology.pipe(BOTH);

        List<KeyValue<String, Story>> stories = topology.readStories();
        assertThat(stories).filteredOn(kv -> kv.key.equals(younger)).singleElement()
                .satisfies(kv -> assertThat(kv.value).as("tombstone").isNull());
        Story merged = stories.stream().filter(kv -> kv.key.equals(older)).reduce((a, b) -> b).orElseThrow().value;
        assertThat(merged.members()).extracting(StoryMember::articleId)
                .contains(VMWARE.id(), SUITE.id(), BOTH.id());
        assertThat(merged.articleCount()).isEqualTo(3);

        List<KeyValue<String, StoryArticle>> articles = topology.readStoryArticles();
        assertThat(articles).filteredOn(kv -> kv.key.equals(SUITE.id()))
                .as("the merged-away story's member, re-emitted with the surviving id")
                .extracting(kv -> kv.value.storyId()).containsExactly(older);
        assertThat(articles).filteredOn(kv -> kv.key.equals(BOTH.id()))
                .extracting(kv -> kv.value.storyId()).containsExactly(older);
    }

    @Test
    void shouldNameTheSurvivingStoryInAHeaderOfTheTombstone() {
        String older = StoryIds.forFoundingArticle(VMWARE.id());
        String younger = StoryIds.forFoundingArticle(SUITE.id());
        topology.pipe(VMWARE);
        topology.pipe(SUITE);
        topology.readStories();

        topology.pipe(BOTH);

        assertThat(topology.readStoryRecords()).filteredOn(r -> r.key().equals(younger)).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader(
                        dev.storywire.model.Headers.MERGED_INTO).value(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(older));
    }

    @Test
    void shouldPlaceLaterArticlesOfTheMergedStoryInTheSurvivor() {
        topology.pipe(VMWARE);
        topology.pipe(SUITE);
        topology.pipe(BOTH);
        Article later = article("https://four.example/nvidia-suite-again", "Nvidia AI Enterprise software suite ships",
                "The Nvidia AI Enterprise suite bundles AI frameworks certified for enterprise servers.",
                T0.plus(Duration.ofHours(5)));

        topology.pipe(later);

        assertThat(topology.storyOfArticles().get(later.id())).isEqualTo(StoryIds.forFoundingArticle(VMWARE.id()));
    }
}
