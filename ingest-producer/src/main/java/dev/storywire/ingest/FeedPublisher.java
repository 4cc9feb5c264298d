package dev.storywire.ingest;

import dev.storywire.model.Article;
import dev.storywire.model.Hashing;
import dev.storywire.model.Headers;
import dev.storywire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes parsed articles to the articles topic (key: canonical id, value: Article JSON) and rejected documents to
 * the dead-letter topic (key: source, value: the raw bytes, headers: reason and position).
 *
 * <p>One publisher holds one idempotent producer; call {@link #publish} from one thread at a time.
 */
public final class FeedPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final PublisherConfig config;
    private final Producer<String, byte[]> producer;

    public FeedPublisher(PublisherConfig config) {
        this.config = config;
        Map<String, Object> producerConfig = config.producerConfig();
        LOG.info("Publishing articles to {} and rejected documents to {} with producer settings {}",
                config.articlesTopic(), config.dlqTopic(), ProducerSettings.masked(producerConfig));
        this.producer = new KafkaProducer<>(producerConfig);
    }

    public PublisherConfig config() {
        return config;
    }

    /** See {@link #publish(Iterator)}. */
    public IngestReport publish(Iterable<? extends ParseResult> results) {
        return publish(results.iterator());
    }

    /** See {@link #publish(Iterator)}; the stream is consumed lazily, so inputs need not fit in memory. */
    public IngestReport publish(Stream<? extends ParseResult> results) {
        return publish(results.iterator());
    }

    /**
     * Sends every result, then flushes and waits for all acknowledgements.
     *
     * @return counts of acknowledged records, and the rejections in input order
     * @throws PublishException after the flush, when any record could not be written; sending stops at the first
     *     failure so an unreachable cluster fails once, within the producer's {@code max.block.ms} /
     *     {@code delivery.timeout.ms}, rather than once per document
     */
    public IngestReport publish(Iterator<? extends ParseResult> results) {
        Batch batch = new Batch();
        while (results.hasNext() && batch.failure.get() == null) {
            ParseResult result = results.next();
            batch.read++;
            if (result instanceof ParseResult.Parsed parsed) {
                sendArticle(parsed, batch);
            } else if (result instanceof ParseResult.Rejected rejected) {
                batch.rejections.add(new IngestReport.Rejection(rejected.source(), rejected.reason()));
                sendRejected(rejected, batch);
            }
        }
        producer.flush();
        IngestReport report = batch.report();
        Failure failure = batch.failure.get();
        if (failure != null) {
            throw new PublishException(failure.topic(), failure.source(), report, failure.cause());
        }
        LOG.info("Published {} articles to {} and {} rejected documents to {} ({} read)",
                report.published(), config.articlesTopic(), report.rejected(), config.dlqTopic(), report.read());
        return report;
    }

    private void sendArticle(ParseResult.Parsed parsed, Batch batch) {
        Article article = parsed.article();
        String topic = config.articlesTopic();
        RecordHeaders headers = new RecordHeaders();
        header(headers, Headers.SOURCE, article.source());
        header(headers, Headers.CONTENT_HASH, article.contentHash());
        header(headers, Headers.INGESTED_AT, Long.toString(article.ingestedAt().toEpochMilli()));
        try {
            byte[] value = Topics.ARTICLE_SERDE.serialize(topic, article);
            send(new ProducerRecord<>(topic, null, article.id(), value, headers), article.source(), batch.published,
                    batch);
        } catch (RuntimeException e) {
            batch.fail(topic, article.source(), e);
        }
    }

    private void sendRejected(ParseResult.Rejected rejected, Batch batch) {
        String topic = config.dlqTopic();
        RecordHeaders headers = new RecordHeaders();
        header(headers, Headers.SOURCE, rejected.source());
        header(headers, Headers.DLQ_REASON, rejected.reason());
        if (rejected.position() != null) {
            header(headers, Headers.DLQ_POSITION, rejected.position());
        }
        header(headers, Headers.CONTENT_HASH, Hashing.sha256Hex(rejected.rawBytes()));
        try {
            send(new ProducerRecord<>(topic, null, rejected.source(), rejected.rawBytes(), headers),
                    rejected.source(), batch.rejectedAcked, batch);
        } catch (RuntimeException e) {
            batch.fail(topic, rejected.source(), e);
        }
    }

    private void send(ProducerRecord<String, byte[]> record, String source, AtomicLong acked, Batch batch) {
        producer.send(record, (RecordMetadata metadata, Exception error) -> {
            if (error != null) {
                batch.fail(record.topic(), source, error);
            } else {
                acked.incrementAndGet();
                LOG.debug("{}: written to {}-{}@{} key {}", source, metadata.topic(), metadata.partition(),
                        metadata.offset(), record.key());
            }
        });
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private record Failure(String topic, String source, Exception cause) {
    }

    /** Counters of one {@link #publish} call; callbacks run on the producer's I/O thread. */
    private static final class Batch {
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong rejectedAcked = new AtomicLong();
        private final AtomicReference<Failure> failure = new AtomicReference<>();
        private final List<IngestReport.Rejection> rejections = new ArrayList<>();
        private long read;

        void fail(String topic, String source, Exception cause) {
            if (failure.compareAndSet(null, new Failure(topic, source, cause))) {
                LOG.error("{}: cannot write to topic {}: {}", source, topic, cause.toString());
            }
        }

        IngestReport report() {
            return new IngestReport(read, published.get(), rejectedAcked.get(), rejections);
        }
    }
}
