package dev.storywire.processor.cluster;

import static dev.storywire.processor.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.StoryIds;
import dev.storywire.processor.ProcessorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The term index and the live document frequencies are held in memory and built again from the stores whenever a
 * processor starts: a processor that starts over restored stores must find the live stories by their terms and
 * weigh terms by the same counts.
 */
class ClusteringProcessorRestartTest {

    private static final Instant MAY_18 = Instant.parse("2021-05-18T12:00:00Z");

    private final ProcessorConfig config = ProcessorConfig.defaults();
    private final List<StateStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    @Test
    void shouldFindALiveStoryByItsTermsAfterARestart() {
        openStores();
        Article first = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article second = article("https://two.example/b", "Amazon moratorium on police facial recognition extended",
                "Police use of Rekognition stays banned, Amazon said.", MAY_18.plus(Duration.ofHours(3)));
        process(first);

        // No related link between the two: only the term index can bring the first story up as a candidate.
        assertThat(process(second)).containsEntry(second.id(), StoryIds.forFoundingArticle(first.id()));
    }

    @Test
    void shouldCountTheSameDocumentFrequenciesAfterARestart() {
        openStores();
        Article first = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article firstUpdated = article("https://one.example/a", "Amazon extends its Rekognition moratorium indefinitely",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Article second = article("https://two.example/b", "Nvidia unveils Grace, an Arm data center processor",
                "The chip targets giant AI models.", MAY_18.plus(Duration.ofHours(1)));
        Article syndicated = article("https://three.example/c", second.title(), second.excerpt(),
                MAY_18.plus(Duration.ofHours(2)));
        MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
        ClusteringProcessor running = start(context);
        for (Article article : List.of(first, second, firstUpdated, syndicated)) {
            running.process(new Record<>(article.id(), article, article.publishedDateTime().toEpochMilli()));
        }

        TermStatistics before = running.statistics();
        TermStatistics restarted = start(new MockProcessorContext<>()).statistics();

        assertThat(restarted.liveDocuments()).as("the update counts once, the syndicated copy not at all")
                .isEqualTo(before.liveDocuments()).isEqualTo(2);
        for (String term : List.of("amazon", "moratorium", "indefinit", "facial", "nvidia", "grace", "chip")) {
            assertThat(restarted.documentFrequency(term)).as(term).isEqualTo(before.documentFrequency(term));
        }
        assertThat(restarted.term("facial").live()).as("only in the text the update replaced").isZero();
        assertThat(restarted.term("nvidia").live()).isEqualTo(1);
    }

    @Test
    void shouldUncountTheArticlesOfAnExpiredStory() {
        openStores();
        Article old = article("https://one.example/a", "Amazon extends moratorium on police facial recognition",
                "Amazon will keep banning police use of Rekognition.", MAY_18);
        Instant weekLater = MAY_18.plus(config.storyRetention()).plus(Duration.ofDays(1));
        // Two later articles: the event clock is the median publish time of the recent ones.
        Article later = article("https://two.example/b", "Nvidia unveils Grace, an Arm data center processor",
                "The chip targets giant AI models.", weekLater);
        Article evenLater = article("https://three.example/c", "Intel names new chief executive",
                "Pat Gelsinger returns.", weekLater.plus(Duration.ofHours(1)));
        ClusteringProcessor running = start(new MockProcessorContext<>());
        running.process(new Record<>(old.id(), old, old.publishedDateTime().toEpochMilli()));
        assertThat(running.statistics().term("moratorium").live()).isEqualTo(1);

        for (Article article : List.of(later, evenLater)) {
            running.process(new Record<>(article.id(), article, article.publishedDateTime().toEpochMilli()));
        }

        assertThat(running.statistics().liveDocuments()).isEqualTo(2);
        assertThat(running.statistics().term("moratorium").live()).isZero();
        assertThat(running.statistics().term("nvidia").live()).isEqualTo(1);
        assertThat(start(new MockProcessorContext<>()).statistics().liveDocuments()).isEqualTo(2);
    }

    private ClusteringProcessor start(MockProcessorContext<String, ClusterOutput> context) {
        stores.forEach(context::addStateStore);
        ClusteringProcessor processor = new ClusteringProcessor(config);
        processor.init(context);
        return processor;
    }

    /**
     * Runs one article through a new processor over the same stores, as after a restart; the story of each article
     * it forwarded, by article id.
     */
    private Map<String, String> process(Article article) {
        MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
        ClusteringProcessor processor = start(context);
        processor.process(new Record<>(article.id(), article, article.publishedDateTime().toEpochMilli()));
        Map<String, String> storyOf = new HashMap<>();
        context.forwarded().stream()
                .map(MockProcessorContext.CapturedForward::record)
                .filter(r -> r.value().storyArticle() != null)
                .forEach(r -> storyOf.put(r.key(), r.value().storyArticle().storyId()));
        return storyOf;
    }

    private void openStores() {
        MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
        for (StoreBuilder<?> builder : ClusteringStores.builders(true)) {
            StateStore store = builder.withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            stores.add(store);
        }
    }
}
