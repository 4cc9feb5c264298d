package dev.storywire.processor;

import static dev.storywire.processor.CorpusFiles.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Provider;
import dev.storywire.model.RelatedItem;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.cluster.store.ClusteringStores;
import java.nio.charset.StandardCharsets;
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

class StoryTopologyTest {

    private static final Instant MAY_18 = Instant.parse("2021-05-18T19:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    private static Article article(String url, String title, String excerpt, Instant published,
            RelatedItem... related) {
        return new Article(CanonicalUrl.canonicalId(url), title, excerpt, published, url, null, null, null, "article",
                "news", null, null, null, new Provider(CanonicalUrl.canonicalId(url).split("/")[0], null, null),
                List.of("AI"), List.of(), List.of(related), null, Map.of(), "test", null, null);
    }

    private static RelatedItem relatedTo(Article other) {
        return new RelatedItem(other.id(), other.title(), other.excerpt(), other.publishedDateTime(), other.webUrl(),
                null, null, "article", other.provider(), null, List.of());
    }

    @Test
    void shouldClusterTheSeedsByEventAndTime() {
        List.of("000", "001", "002", "003", "004").forEach(prefix -> topology.pipe(seed(prefix)));

        Map<String, String> storyOf = topology.storyOfArticles();
        String moratorium = storyOf.get(seed("000").id());
        assertThat(storyOf.get(seed("002").id())).isEqualTo(moratorium);
        assertThat(storyOf.get(seed("003").id())).isEqualTo(moratorium);
        assertThat(storyOf.get(seed("001").id())).isNotEqualTo(moratorium);
        // 004 (Courthouse News) is dated 2022-01-16, eight months after the others: a wrong date (the labels put it
        // in the May 2021 story), which the feed's clock shows once two articles came before it.
        assertThat(storyOf.get(seed("004").id())).isEqualTo(moratorium);
        assertThat(moratorium).isEqualTo(StoryIds.forFoundingArticle(seed("000").id()));
    }

    @Test
    void shouldWriteEveryStoryStateToItsChangelogWhenTheTaskCommits() {
        List.of("000", "001", "002").forEach(prefix -> topology.pipe(seed(prefix)));

        // The clustering stores write behind, once per commit; what reaches the changelog is what a restore sees.
        assertThat(topology.changelogKeys(ClusteringStores.STORIES))
                .containsAll(topology.latestStories().keySet());
        assertThat(topology.changelogKeys(ClusteringStores.ARTICLE_STORIES))
                .contains(seed("000").id(), seed("001").id(), seed("002").id());
    }

    @Test
    void shouldTakeADateFarAheadOfTheFeedForTheFeedsPresent() {
        Article amazon = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article chip = article("https://two.example/b", "MediaTek chip will power next generation of 4K smart TVs",
                "The new processor brings AI picture quality to televisions.", MAY_18.plus(Duration.ofHours(1)));
        Article misdated = article("https://three.example/c", "Amazon extends its moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18.plus(Duration.ofDays(31)));

        topology.pipe(amazon);
        topology.pipe(chip);
        topology.pipe(misdated);

        Map<String, String> storyOf = topology.storyOfArticles();
        assertThat(storyOf.get(misdated.id())).isEqualTo(storyOf.get(amazon.id()));
        assertThat(topology.readStoryArticles()).filteredOn(kv -> kv.key.equals(misdated.id()))
                .allSatisfy(kv -> assertThat(kv.value.article().publishedDateTime())
                        .isEqualTo(MAY_18.plus(Duration.ofDays(31))));
    }

    /**
     * Partitions interleave in any order on the way to the clustering task: the grouping must not depend on it. The
     * misdated 004 among the first two articles starts a story of its own (nothing shows yet that its date is wrong),
     * which heals into the moratorium story once the feed's clock shows the date was wrong.
     */
    @Test
    void shouldClusterTheSeedsTheSameInEveryArrivalOrder() {
        List<List<String>> failures = new java.util.ArrayList<>();
        for (List<String> order : permutations(List.of("000", "001", "002", "003", "004"))) {
            try (TopologyFixture fixture = new TopologyFixture(stateDir.resolve(String.join("", order)))) {
                order.forEach(prefix -> fixture.pipe(seed(prefix)));
                Map<String, String> storyOf = fixture.storyOfArticles();
                String moratorium = storyOf.get(seed("000").id());
                String expectedOf004 = moratorium;
                boolean grouped = moratorium.equals(storyOf.get(seed("002").id()))
                        && moratorium.equals(storyOf.get(seed("003").id()))
                        && !moratorium.equals(storyOf.get(seed("001").id()))
                        && expectedOf004.equals(storyOf.get(seed("004").id()));
                if (!grouped) {
                    failures.add(order);
                }
            }
        }
        assertThat(failures).as("arrival orders that split or mix the seed stories").isEmpty();
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> result = new java.util.ArrayList<>();
        for (String first : items) {
            List<String> rest = new java.util.ArrayList<>(items);
            rest.remove(first);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new java.util.ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }

    @Test
    void shouldDescribeTheStoryWithItsMembers() {
        List.of("000", "002", "003").forEach(prefix -> topology.pipe(seed(prefix)));

        Story story = topology.latestStories().get(StoryIds.forFoundingArticle(seed("000").id()));
        assertThat(story.articleCount()).isEqualTo(3);
        assertThat(story.version()).isEqualTo(3);
        assertThat(story.headline()).isEqualTo("Amazon to continue pause on police use of facial recognition");
        assertThat(story.members()).filteredOn(m -> m.role() == Role.PRIMARY)
                .extracting(StoryMember::articleId)
                .containsExactly(seed("000").id(), seed("002").id(), seed("003").id());
        assertThat(story.providers()).contains("Associated Press", "ZDNet");
        assertThat(story.firstSeen()).isBeforeOrEqualTo(Instant.parse("2021-05-18T19:18:00Z"));
        assertThat(story.lastUpdated()).isAfterOrEqualTo(Instant.parse("2021-05-19T03:20:00Z"));
        assertThat(story.topics()).contains("AI");
    }

    @Test
    void shouldMakeRelatedItemsOfTheSameStoryRelatedMembers() {
        topology.pipe(seed("002"));

        Story story = topology.latestStories().values().iterator().next();
        assertThat(story.members()).filteredOn(m -> m.role() == Role.RELATED)
                .extracting(StoryMember::title)
                .contains("Amazon Indefinitely Bans Police Use Of Facial Recognition Technology")
                .doesNotContain("Pet facial recognition technology helping owners reunite with lost pets");
        assertThat(story.articleCount()).isEqualTo(1);
    }

    @Test
    void shouldEmitASecondIdenticalCopyNever() {
        Article first = seed("000");
        topology.pipe(first);
        topology.pipe(new Article(first.id(), first.title(), first.excerpt(), first.publishedDateTime(),
                first.webUrl(), first.originalUrl(), first.ampWebUrl(), first.cdnAmpWebUrl(), first.type(),
                first.category(), first.quality(), first.heat(), first.published(), first.provider(), first.topics(),
                first.images(), first.related(), first.secured(), first.extra(), "another-source.txt", "abc",
                Instant.parse("2030-01-01T00:00:00Z")));

        assertThat(topology.readStoryArticles()).hasSize(1);
        assertThat(topology.readStories()).hasSize(1);
    }

    @Test
    void shouldEmitACorrectionAsUpdateKeepingTheFirstUrl() {
        Article first = article("https://example.com/news/amazon-ban", "Amazon extends police facial recognition ban",
                "Amazon extends its moratorium.", MAY_18);
        Article corrected = article("https://amp.example.com/news/amazon-ban/amp",
                "Amazon extends police facial recognition ban indefinitely", "Amazon extends its moratorium.",
                MAY_18);
        assertThat(corrected.id()).isEqualTo(first.id());

        topology.pipe(first);
        topology.pipe(corrected);

        List<KeyValue<String, StoryArticle>> outputs = topology.readStoryArticles();
        assertThat(outputs).hasSize(2);
        StoryArticle update = outputs.get(1).value;
        assertThat(update.article().title()).isEqualTo(corrected.title());
        assertThat(update.article().webUrl()).isEqualTo("https://example.com/news/amazon-ban");
        assertThat(update.storyId()).isEqualTo(outputs.get(0).value.storyId());
        Story story = topology.latestStories().get(update.storyId());
        assertThat(story.members()).hasSize(1);
        assertThat(story.members().get(0).url()).isEqualTo("https://example.com/news/amazon-ban");
        assertThat(story.headline()).isEqualTo(corrected.title());
        assertThat(story.version()).isEqualTo(2);
    }

    @Test
    void shouldAssignASimilarArticleToTheExistingStory() {
        Article first = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article second = article("https://two.example/b", "Amazon moratorium on police facial recognition extended",
                "Police use of Rekognition stays banned, Amazon said.", MAY_18.plus(Duration.ofHours(3)));

        topology.pipe(first);
        topology.pipe(second);

        Map<String, String> storyOf = topology.storyOfArticles();
        assertThat(storyOf.get(second.id())).isEqualTo(storyOf.get(first.id()));
    }

    @Test
    void shouldNotJoinStoriesOnANoisyRelatedLinkAlone() {
        Article amazon = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article chip = article("https://two.example/b", "MediaTek chip will power next generation of 4K smart TVs",
                "The new processor brings AI picture quality to televisions.", MAY_18.plus(Duration.ofHours(1)),
                relatedTo(amazon));

        topology.pipe(amazon);
        topology.pipe(chip);

        Map<String, String> storyOf = topology.storyOfArticles();
        assertThat(storyOf.get(chip.id())).isEqualTo(StoryIds.forFoundingArticle(chip.id()));
        assertThat(storyOf.get(amazon.id())).isEqualTo(StoryIds.forFoundingArticle(amazon.id()));
    }

    @Test
    void shouldNotJoinAStoryFarAwayInTime() {
        Article first = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article again = article("https://two.example/b", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18.plus(Duration.ofDays(8)));

        topology.pipe(first);
        topology.pipe(again);

        Map<String, String> storyOf = topology.storyOfArticles();
        assertThat(storyOf.get(again.id())).isEqualTo(StoryIds.forFoundingArticle(again.id()));
    }

    @Test
    void shouldResolveRelatedCoverageOnceTheRelatedArticleIsSeen() {
        Article chip = article("https://two.example/chip", "MediaTek chip will power next generation of 4K smart TVs",
                "The new processor brings AI picture quality to televisions.", MAY_18);
        Article amazon = article("https://one.example/amazon",
                "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18.plus(Duration.ofHours(1)),
                relatedTo(chip));

        topology.pipe(amazon);
        List<KeyValue<String, StoryArticle>> first = topology.readStoryArticles();
        assertThat(first).singleElement().satisfies(kv -> assertThat(kv.value.related())
                .containsExactly(new ResolvedRelated(chip.id(), null, chip.title(), chip.webUrl())));

        topology.pipe(chip);
        List<KeyValue<String, StoryArticle>> after = topology.readStoryArticles();
        assertThat(after).extracting(kv -> kv.key).containsExactly(chip.id(), amazon.id());
        assertThat(after.get(1).value.related()).containsExactly(new ResolvedRelated(chip.id(),
                StoryIds.forFoundingArticle(chip.id()), chip.title(), chip.webUrl()));
    }

    @Test
    void shouldPromoteARelatedMemberToPrimaryWhenItArrivesAsFeedArticle() {
        Article forbes = article("https://www.forbes.com/sites/amazon-indefinitely-bans-police",
                "Amazon Indefinitely Bans Police Use Of Facial Recognition Technology",
                "Amazon extended its moratorium on police use of Rekognition.", MAY_18.plus(Duration.ofHours(2)));
        Article usnews = article("https://usnews.example/amazon-extends-moratorium",
                "Amazon Extends Moratorium on Police Use of Facial Recognition Software",
                "Amazon extended its moratorium on police use of its facial recognition software.", MAY_18,
                relatedTo(forbes));

        topology.pipe(usnews);
        topology.pipe(forbes);

        Map<String, Story> stories = topology.latestStories();
        Story story = stories.get(StoryIds.forFoundingArticle(usnews.id()));
        assertThat(story.members()).filteredOn(m -> m.articleId().equals(forbes.id()))
                .singleElement().extracting(StoryMember::role).isEqualTo(Role.PRIMARY);
        assertThat(story.articleCount()).isEqualTo(2);
    }

    @Test
    void shouldSkipAValueThatIsNotAnArticle() {
        topology.pipeRaw("bad", "{not json".getBytes(StandardCharsets.UTF_8));
        topology.pipe(seed("000"));

        assertThat(topology.readStoryArticles()).extracting(kv -> kv.key).containsExactly(seed("000").id());
    }
}
