package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.StoryIds;
import dev.storywire.processor.TestArticles;
import dev.storywire.processor.text.BackgroundFrequencies;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The term index is held in memory and built again from the state whenever a clusterer starts: a clusterer that
 * starts over restored state must find the live stories by their terms.
 */
class StoryClustererRestartTest {

    private static final Instant MAY_18 = Instant.parse("2021-05-18T12:00:00Z");

    private final InMemoryClusterState state = new InMemoryClusterState();

    @Test
    void shouldFindALiveStoryByItsTermsAfterARestart() {
        Article first = TestArticles.article("https://one.example/a",
                "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article second = TestArticles.article("https://two.example/b",
                "Amazon moratorium on police facial recognition extended",
                "Police use of Rekognition stays banned, Amazon said.", MAY_18.plus(Duration.ofHours(3)));
        restarted().cluster(first.id(), first, MAY_18.toEpochMilli());

        // No related link between the two: only the term index can bring the first story up as a candidate.
        StoryClusterer.Decision decision = restarted().cluster(second.id(), second, MAY_18.toEpochMilli());

        assertThat(decision.storyId()).isEqualTo(StoryIds.forFoundingArticle(first.id()));
    }

    private StoryClusterer restarted() {
        return new StoryClusterer(ClusteringSettings.defaults(), state, BackgroundFrequencies.shipped());
    }
}
