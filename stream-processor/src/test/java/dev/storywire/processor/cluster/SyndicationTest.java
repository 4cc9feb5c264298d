package dev.storywire.processor.cluster;

import static dev.storywire.processor.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Role;
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
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyndicationTest {

    private static final Instant T0 = Instant.parse("2021-03-09T13:00:00Z");
    private static final String TITLE =
            "Synopsys ARC EV Processor Enables Kyocera Document Solutions to Launch AI-enabled Multifunctional Printer SoC";
    private static final String EXCERPT = "Synopsys, Inc. today announced that Kyocera Document Solutions Inc. has "
            + "selected the Synopsys DesignWare ARC EV7x Vision Processor IP with the deep neural network engine for "
            + "its AI-enabled multifunctional printer system-on-chip ...";

    private static final Article ORIGINAL = article("https://news.synopsys.com/2021-03-09-kyocera", TITLE, EXCERPT, T0);
    private static final Article COPY = article("https://www.prnewswire.com/news-releases/synopsys-kyocera-301243.html",
            TITLE, EXCERPT.replace(" ...", " to power"), T0.plus(Duration.ofMinutes(30)));

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
    void shouldMakeACopyUnderAnotherUrlASyndicatedMember() {
        topology.pipe(ORIGINAL);
        topology.pipe(COPY);

        List<KeyValue<String, StoryArticle>> articles = topology.readStoryArticles();
        String storyId = StoryIds.forFoundingArticle(ORIGINAL.id());
        assertThat(articles).filteredOn(kv -> kv.key.equals(COPY.id())).singleElement()
                .satisfies(kv -> {
                    assertThat(kv.value.storyId()).isEqualTo(storyId);
                    assertThat(kv.value.role()).isEqualTo(Role.SYNDICATED);
                });
        Story story = topology.latestStories().get(storyId);
        assertThat(story.members()).extracting(StoryMember::articleId, StoryMember::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ORIGINAL.id(), Role.PRIMARY),
                        org.assertj.core.groups.Tuple.tuple(COPY.id(), Role.SYNDICATED));
    }

    @Test
    void shouldNotCountSyndicatedCopiesInSizeOrProviders() {
        topology.pipe(ORIGINAL);
        topology.pipe(COPY);

        Story story = topology.latestStories().get(StoryIds.forFoundingArticle(ORIGINAL.id()));
        assertThat(story.articleCount()).isEqualTo(1);
        assertThat(story.providers()).containsExactly("news.synopsys.com");
    }

    @Test
    void shouldKeepTheSyndicatedRoleWhenTheCopyIsCorrected() {
        topology.pipe(ORIGINAL);
        topology.pipe(COPY);
        topology.readStoryArticles();

        topology.pipe(article(COPY.webUrl(), TITLE + " (updated)", COPY.excerpt(), COPY.publishedDateTime()));

        assertThat(topology.readStoryArticles()).singleElement()
                .satisfies(kv -> assertThat(kv.value.role()).isEqualTo(Role.SYNDICATED));
    }
}
