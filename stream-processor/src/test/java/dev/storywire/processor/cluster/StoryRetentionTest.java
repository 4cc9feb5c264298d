package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.text.TermCounts;
import dev.storywire.model.Article;
import dev.storywire.model.StoryIds;
import dev.storywire.processor.EventClock;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.TestArticles;
import dev.storywire.processor.TopologyFixture;
import dev.storywire.processor.cluster.store.ClusteringStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryRetentionTest {

    private static final Instant T0 = Instant.parse("2021-05-18T12:00:00Z");

    @TempDir
    Path stateDir;

    private static Article article(String url, String title, Instant published) {
        return TestArticles.article(url, title, "", published);
    }

    /**
     * Twenty articles dated {@code time}: the clustering's expiry clock, the lower decile of the last
     * {@value EventClock#WINDOW} publish times, then stands there (a few articles would not move it).
     */
    private static void moveFeedClockTo(TopologyFixture topology, Instant time) {
        for (int i = 1; i <= 20; i++) {
            topology.pipe(article("https://clock.example/" + time.getEpochSecond() + "/" + i,
                    "Sony launches camera model number " + i, time));
        }
    }

    private Map<String, String> run(ProcessorConfig config) {
        try (TopologyFixture topology = new TopologyFixture(config, stateDir.resolve(config.storyRetention().toString()))) {
            topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0));
            // Articles three days later move the feed's clock three days: with a one-day retention the first story
            // leaves the index.
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(3))));
            topology.pipe(article("https://e.example/5", "Nvidia unveils a new data centre processor",
                    T0.plus(Duration.ofDays(3))));
            moveFeedClockTo(topology, T0.plus(Duration.ofDays(3)));
            topology.pipe(article("https://c.example/3", "Amazon extends police facial recognition moratorium again",
                    T0.plus(Duration.ofDays(2))));
            return topology.storyOfArticles();
        }
    }

    @Test
    void shouldFindAStoryThroughTheTermIndexWithinRetention() {
        Map<String, String> storyOf = run(ProcessorConfig.defaults());

        assertThat(storyOf.get("c.example/3")).isEqualTo(StoryIds.forFoundingArticle("a.example/1"));
    }

    @Test
    void shouldKeepAStoryJoinableWhileALaggingPartitionStillBringsItsTime() {
        try (TopologyFixture topology = new TopologyFixture(ProcessorConfig.defaults(), stateDir)) {
            topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0));
            // A backlog read from three partitions at the same pace, two of them ten days (past the seven-day
            // retention) ahead of the third.
            Instant ahead = T0.plus(Duration.ofDays(10));
            for (int i = 1; i <= 60; i++) {
                topology.pipe(article("https://ahead.example/" + i, "Sony launches camera model number " + i,
                        ahead.plusSeconds(i)));
                topology.pipe(article("https://also-ahead.example/" + i, "MediaTek chip " + i + " powers smart TVs",
                        ahead.plusSeconds(i)));
                topology.pipe(article("https://behind.example/" + i, "Nvidia unveils data centre processor " + i,
                        T0.plusSeconds(i)));
            }
            topology.pipe(article("https://c.example/3", "Amazon extends police facial recognition moratorium again",
                    T0.plus(Duration.ofHours(2))));

            assertThat(topology.storyOfArticles().get("c.example/3"))
                    .isEqualTo(StoryIds.forFoundingArticle("a.example/1"));
        }
    }

    @Test
    void shouldForgetFingerprintsOfExpiredStories() {
        String title = "Amazon extends moratorium on police use of facial recognition software";
        ProcessorConfig config = ProcessorConfig.defaults().withStoryRetention(Duration.ofDays(1));
        try (TopologyFixture topology = new TopologyFixture(config, stateDir)) {
            topology.pipe(article("https://a.example/1", title, T0));
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(3))));
            topology.pipe(article("https://e.example/5", "Nvidia unveils a new data centre processor",
                    T0.plus(Duration.ofDays(3))));
            moveFeedClockTo(topology, T0.plus(Duration.ofDays(3)));
            topology.pipe(article("https://c.example/3", title, T0.plus(Duration.ofDays(2))));

            var copy = topology.readStoryArticles().stream().filter(kv -> kv.key.equals("c.example/3")).findFirst()
                    .orElseThrow().value;
            assertThat(copy.role()).isEqualTo(dev.storywire.model.Role.PRIMARY);
            assertThat(copy.storyId()).isEqualTo(StoryIds.forFoundingArticle("c.example/3"));
        }
    }

    @Test
    void shouldTakeExpiredArticlesOutOfTheRelatedLinkIndexAndDropTheirPayloads() {
        ProcessorConfig config = ProcessorConfig.defaults().withStoryRetention(Duration.ofDays(1));
        try (TopologyFixture topology = new TopologyFixture(config, stateDir)) {
            Article listed = article("https://x.example/listed", "Chipmaker posts record quarterly revenue", T0);
            Article lister = TestArticles.article("https://a.example/1",
                    "Amazon extends police facial recognition moratorium", "", T0, TestArticles.relatedTo(listed));
            topology.pipe(lister);
            assertThat(topology.<String, IdList>store(ClusteringStores.RELATED_INDEX).get(listed.id()).ids())
                    .containsExactly(lister.id());

            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(3))));
            topology.pipe(article("https://c.example/3", "Nvidia unveils a new data centre processor",
                    T0.plus(Duration.ofDays(3))));
            moveFeedClockTo(topology, T0.plus(Duration.ofDays(3)));

            assertThat(topology.<String, IdList>store(ClusteringStores.RELATED_INDEX).get(listed.id())).isNull();
            assertThat(topology.<String, Article>store(ClusteringStores.ARTICLES).get(lister.id())).isNull();
            assertThat(topology.<String, Article>store(ClusteringStores.ARTICLES).get("c.example/3")).isNotNull();
        }
    }

    @Test
    void shouldDropStoriesFromTheTermIndexAfterRetention() {
        Map<String, String> storyOf = run(ProcessorConfig.defaults().withStoryRetention(Duration.ofDays(1)));

        assertThat(storyOf.get("c.example/3")).isEqualTo(StoryIds.forFoundingArticle("c.example/3"));
    }

    @Test
    void shouldKeepOnlyMembersOfAnExpiredStory() {
        ProcessorConfig config = ProcessorConfig.defaults().withStoryRetention(Duration.ofDays(1));
        try (TopologyFixture topology = new TopologyFixture(config, stateDir)) {
            topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0));
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(3))));
            topology.pipe(article("https://c.example/3", "Nvidia unveils a new data centre processor",
                    T0.plus(Duration.ofDays(3))));
            moveFeedClockTo(topology, T0.plus(Duration.ofDays(3)));

            StoryState expired = topology.<String, StoryState>store(ClusteringStores.STORIES)
                    .get(StoryIds.forFoundingArticle("a.example/1"));
            assertThat(expired.indexed()).isFalse();
            assertThat(expired.terms()).isEqualTo(TermCounts.EMPTY);
            assertThat(expired.titleTerms()).isEqualTo(TermCounts.EMPTY);
            assertThat(expired.members()).extracting(m -> m.articleId()).containsExactly("a.example/1");
        }
    }

    @Test
    void shouldExpireAgainAStoryThatALateUpdateBroughtBackToTheIndexes() {
        ProcessorConfig config = ProcessorConfig.defaults().withStoryRetention(Duration.ofDays(1));
        String storyId = StoryIds.forFoundingArticle("a.example/1");
        try (TopologyFixture topology = new TopologyFixture(config, stateDir)) {
            topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0));
            // Articles three days later move the feed's clock past the one-day retention.
            topology.pipe(article("https://b.example/2", "MediaTek chip powers smart TVs", T0.plus(Duration.ofDays(3))));
            topology.pipe(article("https://c.example/3", "Nvidia unveils a new data centre processor",
                    T0.plus(Duration.ofDays(3))));
            moveFeedClockTo(topology, T0.plus(Duration.ofDays(3)));
            assertThat(topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId).indexed()).isFalse();

            // A corrected copy of the first article, dated as before: its story comes back, still dated T0.
            topology.pipe(article("https://a.example/1", "Amazon extends its police facial recognition moratorium",
                    T0));
            assertThat(topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId).indexed()).isTrue();

            // A window of later articles: the clock (a lower decile) moves on only once the earlier times left it.
            for (int hour = 1; hour <= EventClock.WINDOW; hour++) {
                topology.pipe(article("https://d.example/" + hour, "Sony launches camera model number " + hour,
                        T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(hour))));
            }

            assertThat(topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId).indexed())
                    .as("expired again, although its time lies before the last expiry's cut-off").isFalse();
        }
    }

    /** Stories leave the indexes after a day, and their records go a day later. */
    private static final ProcessorConfig TWO_DAY_STATE = ProcessorConfig.defaults()
            .withStoryRetention(Duration.ofDays(1)).withStoryStateRetention(Duration.ofDays(2));

    /** One article at T0, then the feed's clock a day and a half later: its story left the indexes. */
    private static void retireAStoryOfT0(TopologyFixture topology, String storyId) {
        topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium", T0));
        moveFeedClockTo(topology, T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(12)));
        assertThat(topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId).indexed()).isFalse();
    }

    @Test
    void shouldForgetTheMembersOfAStoryAfterTheStoryStateRetentionKeepingItsVersion() {
        String storyId = StoryIds.forFoundingArticle("a.example/1");
        try (TopologyFixture topology = new TopologyFixture(TWO_DAY_STATE, stateDir)) {
            retireAStoryOfT0(topology, storyId);
            assertThat(topology.<String, ArticleAssignment>store(ClusteringStores.ARTICLE_STORIES).get("a.example/1"))
                    .as("kept within the story state retention").isNotNull();

            // A window of later articles: the clock (a lower decile) moves on only once the earlier times left it.
            for (int i = 1; i <= EventClock.WINDOW; i++) {
                topology.pipe(article("https://d.example/" + i, "Sony launches camera model number " + i,
                        T0.plus(Duration.ofDays(3)).plusSeconds(i)));
            }

            StoryState forgotten = topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId);
            assertThat(forgotten.members()).isEmpty();
            assertThat(forgotten.version()).isEqualTo(1);
            assertThat(topology.<String, ArticleAssignment>store(ClusteringStores.ARTICLE_STORIES).get("a.example/1"))
                    .isNull();
            try (var retired = topology.<String, String>store(ClusteringStores.STORY_RETIRED).all()) {
                assertThat(retired.hasNext()).isFalse();
            }

            // The founding article comes back: its story opens again under the same id, above the version seen.
            topology.pipe(article("https://a.example/1", "Amazon extends police facial recognition moratorium",
                    T0.plus(Duration.ofDays(3))));
            var stories = topology.readStories();
            assertThat(stories.get(stories.size() - 1).key).isEqualTo(storyId);
            assertThat(stories.get(stories.size() - 1).value.version()).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepAStoryThatALateUpdateBroughtBackUntilItIsRetiredAgainForTheWholeStateRetention() {
        String storyId = StoryIds.forFoundingArticle("a.example/1");
        try (TopologyFixture topology = new TopologyFixture(TWO_DAY_STATE, stateDir)) {
            retireAStoryOfT0(topology, storyId);

            // A correction of the first article, dated a day and a half later, brings its story back.
            Instant corrected = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
            topology.pipe(article("https://a.example/1", "Amazon extends its police facial recognition moratorium",
                    corrected));
            assertThat(topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId).indexed()).isTrue();

            // Past the story retention of the correction, and past the state retention of the first version only.
            for (int i = 1; i <= EventClock.WINDOW; i++) {
                topology.pipe(article("https://d.example/" + i, "Sony launches camera model number " + i,
                        T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(12)).plusSeconds(i)));
            }

            StoryState story = topology.<String, StoryState>store(ClusteringStores.STORIES).get(storyId);
            assertThat(story).as("retired again, and kept for the state retention after the correction").isNotNull();
            assertThat(story.indexed()).isFalse();
            assertThat(topology.<String, ArticleAssignment>store(ClusteringStores.ARTICLE_STORIES).get("a.example/1")
                    .storyId()).isEqualTo(storyId);
        }
    }
}
