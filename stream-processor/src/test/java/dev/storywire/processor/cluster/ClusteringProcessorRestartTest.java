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
 * The term index is held in memory and built again from the stores whenever a processor starts: a processor that
 * starts over restored stores must find the live stories by their terms.
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

    /**
     * Runs one article through a new processor over the same stores, as after a restart; the story of each article
     * it forwarded, by article id.
     */
    private Map<String, String> process(Article article) {
        MockProcessorContext<String, ClusterOutput> context = new MockProcessorContext<>();
        stores.forEach(context::addStateStore);
        ClusteringProcessor processor = new ClusteringProcessor(config);
        processor.init(context);
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
