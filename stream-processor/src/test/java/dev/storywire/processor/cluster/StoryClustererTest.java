package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Role;
import dev.storywire.model.StoryIds;
import dev.storywire.processor.CorpusFiles;
import dev.storywire.processor.text.BackgroundFrequencies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clustering decisions on the seed documents, read by the production parser, over in-memory state. */
class StoryClustererTest {

    private final InMemoryClusterState state = new InMemoryClusterState();
    private final StoryClusterer clusterer = new StoryClusterer(ClusteringSettings.defaults(), state,
            BackgroundFrequencies.shipped());

    private StoryClusterer.Decision cluster(String seed) {
        Article article = CorpusFiles.seed(seed);
        return clusterer.cluster(article.id(), article, article.publishedDateTime().toEpochMilli());
    }

    @Test
    void shouldOpenAStoryForAFirstArticleAndEmitItWithTheStory() {
        StoryClusterer.Decision decision = cluster("000");

        String storyId = StoryIds.forFoundingArticle(CorpusFiles.seed("000").id());
        assertThat(decision.storyId()).isEqualTo(storyId);
        assertThat(decision.role()).isEqualTo(Role.PRIMARY);
        assertThat(decision.storiesCreated()).isEqualTo(1);
        assertThat(decision.outputs().get(0).value().storyArticle().storyId()).isEqualTo(storyId);
        assertThat(decision.outputs()).anySatisfy(out -> assertThat(out.key()).isEqualTo(storyId));
        assertThat(state.stories().get(storyId).members()).hasSize(1 + relatedMembers(storyId));
    }

    @Test
    void shouldJoinCoverageOfTheSameEventAndKeepAnOlderEventApart() {
        String moratorium = cluster("000").storyId();

        assertThat(cluster("002").storyId()).isEqualTo(moratorium);
        assertThat(cluster("003").storyId()).isEqualTo(moratorium);
        StoryClusterer.Decision yearEarlier = cluster("001");
        assertThat(yearEarlier.storyId()).isNotEqualTo(moratorium);
        assertThat(yearEarlier.storiesCreated()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheStoryOfAnUpdatedArticle() {
        String moratorium = cluster("000").storyId();
        cluster("002");

        StoryClusterer.Decision again = cluster("002");

        assertThat(again.storyId()).isEqualTo(moratorium);
        assertThat(again.storiesCreated()).isZero();
        assertThat(again.mergedAway()).isEmpty();
    }

    @Test
    void shouldHealTheStoryOfAMisdatedArticleOnceTheClockShowsItsDateIsWrong() {
        // Dated eight months late and first to arrive: nothing yet shows the date is wrong.
        String misdated = cluster("004").storyId();
        String moratorium = cluster("000").storyId();
        assertThat(moratorium).isNotEqualTo(misdated);

        List<String> mergedAway = new java.util.ArrayList<>(cluster("002").mergedAway());
        mergedAway.addAll(cluster("003").mergedAway());

        assertThat(mergedAway).containsExactly(misdated);
        assertThat(state.assignments().get(CorpusFiles.seed("004").id()).storyId()).isEqualTo(moratorium);
        assertThat(state.stories().get(misdated)).isNull();
    }

    private int relatedMembers(String storyId) {
        return (int) state.stories().get(storyId).members().stream().filter(m -> m.role() == Role.RELATED).count();
    }
}
