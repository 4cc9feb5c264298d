package dev.storywire.processor;

import dev.storywire.model.Article;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the article's event time ({@code publishedDateTime}) as the record timestamp, so that stream time,
 * retention and every output timestamp are in event time. Falls back to the record's own timestamp when the
 * feed gave no publish time, and to the partition time when that is missing too.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Article article && article.publishedDateTime() != null) {
            return article.publishedDateTime().toEpochMilli();
        }
        if (record.timestamp() >= 0) {
            return record.timestamp();
        }
        return Math.max(partitionTime, 0L);
    }
}
