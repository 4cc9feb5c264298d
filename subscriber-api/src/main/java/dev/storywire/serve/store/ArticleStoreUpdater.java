package dev.storywire.serve.store;

import dev.storywire.model.StoryArticle;
import dev.storywire.model.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps {@link StoryViews#ARTICLES_STORE}: the latest StoryArticle per article id; unreadable values are skipped. */
final class ArticleStoreUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ArticleStoreUpdater.class);

    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, StoryArticle> articles;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.articles = context.getStateStore(StoryViews.ARTICLES_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("Skipping a record without an article id at {}", position());
            return;
        }
        if (record.value() == null) {
            articles.delete(record.key());
            return;
        }
        try {
            articles.put(record.key(), Topics.STORY_ARTICLE_SERDE.deserialize("", record.value()));
        } catch (SerializationException e) {
            log.warn("Skipping unreadable article '{}' at {}: {}", record.key(), position(), e.getMessage());
        }
    }

    private String position() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }
}
