package dev.storywire.ingest;

import dev.storywire.model.Hashing;
import dev.storywire.model.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
     * Sends every result, then flushes and waits for all acknowledgements. An article that Kafka refuses on its own
     * (larger than {@code max.request.size} or the topic's {@code max.message.bytes}, an invalid record) or that
     * cannot be serialised goes to the dead-letter topic instead, with the refusal as its reason.
     *
     * @return counts of acknowledged records, and the rejections in input order
     * @throws PublishException after the flush, when any record could not be written for a reason that is not the
     *     record's own (cluster unreachable, not authorised, timeout, a dead-letter write refused); sending stops at
     *     the first failure so an unreachable cluster fails once, within the producer's {@code max.block.ms} /
     *     {@code delivery.timeout.ms}, rather than once per document
     */
    public IngestReport publish(Iterator<? extends ParseResult> results) {
        Batch batch = new Batch();
        while (results.hasNext() && batch.failure.get() == null) {
            ParseResult result = results.next();
            long sequence = batch.read++;
            if (result instanceof ParseResult.Parsed parsed) {
                sendArticle(parsed, sequence, batch);
            } else if (result instanceof ParseResult.Rejected rejected) {
                sendRejected(rejected, sequence, batch);
            }
            sendRefusedToDeadLetters(batch);
        }
        do {
            producer.flush();
        } while (sendRefusedToDeadLetters(batch));
        IngestReport report = batch.report();
        Failure failure = batch.failure.get();
        if (failure != null) {
            throw new PublishException(failure.topic(), failure.source(), report, failure.cause());
        }
        LOG.info("Published {} articles to {} and {} rejected documents to {} ({} read)",
                report.published(), config.articlesTopic(), report.rejected(), config.dlqTopic(), report.read());
        return report;
    }

    private void sendArticle(ParseResult.Parsed parsed, long sequence, Batch batch) {
        ArticleRecord article = parsed.record();
        String topic = config.articlesTopic();
        byte[] value = article.value();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, article.id(), value);
        header(record, Headers.SOURCE, article.source());
        header(record, Headers.CONTENT_HASH, article.contentHash());
        header(record, Headers.INGESTED_AT, Long.toString(article.ingestedAt().toEpochMilli()));
        try {
            producer.send(record, (RecordMetadata metadata, Exception error) -> {
                if (error == null) {
                    batch.published.incrementAndGet();
                    logWritten(article.source(), metadata, record.key());
                } else if (RecordRefusal.isRecordRefusal(error)) {
                    LOG.warn("{}: article {} refused by topic {}, sending the document to {}: {}", article.source(),
                            article.id(), topic, config.dlqTopic(), error.toString());
                    batch.refused.add(new Refused(sequence, parsed, RecordRefusal.reason(topic, value.length, error)));
                } else {
                    batch.fail(topic, article.source(), error);
                }
            });
        } catch (RuntimeException e) {
            batch.fail(topic, article.source(), e);
        }
    }

    private void sendRejected(ParseResult.Rejected rejected, long sequence, Batch batch) {
        String topic = config.dlqTopic();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, rejected.source(), rejected.rawBytes());
        header(record, Headers.SOURCE, rejected.source());
        header(record, Headers.DLQ_REASON, rejected.reason());
        if (rejected.position() != null) {
            header(record, Headers.DLQ_POSITION, rejected.position());
        }
        header(record, Headers.CONTENT_HASH, Hashing.sha256Hex(rejected.rawBytes()));
        try {
            producer.send(record, (RecordMetadata metadata, Exception error) -> {
                if (error == null) {
                    batch.rejections.add(new Sequenced(sequence,
                            new IngestReport.Rejection(rejected.source(), rejected.reason())));
                    logWritten(rejected.source(), metadata, record.key());
                } else {
                    // Nowhere else to put it: the run stops rather than lose the document.
                    batch.fail(topic, rejected.source(), error);
                }
            });
        } catch (RuntimeException e) {
            batch.fail(topic, rejected.source(), e);
        }
    }

    /** Sends the articles refused so far to the dead-letter topic; whether there were any. */
    private boolean sendRefusedToDeadLetters(Batch batch) {
        boolean any = false;
        for (Refused refused = batch.refused.poll(); refused != null; refused = batch.refused.poll()) {
            any = true;
            if (batch.failure.get() == null) {
                ParseResult.Parsed parsed = refused.article();
                sendRejected(new ParseResult.Rejected(parsed.source(), refused.reason(), null, parsed.rawBytes()),
                        refused.sequence(), batch);
            }
        }
        return any;
    }

    private static void logWritten(String source, RecordMetadata metadata, String key) {
        LOG.debug("{}: written to {}-{}@{} key {}", source, metadata.topic(), metadata.partition(), metadata.offset(),
                key);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private record Failure(String topic, String source, Exception cause) {
    }

    /** An acknowledged rejection and its place in the input. */
    private record Sequenced(long sequence, IngestReport.Rejection rejection) {
    }

    /** An article Kafka refused on its own, to go to the dead-letter topic. */
    private record Refused(long sequence, ParseResult.Parsed article, String reason) {
    }

    /** Counters of one {@link #publish} call; callbacks run on the producer's I/O thread. */
    private static final class Batch {
        private final AtomicLong published = new AtomicLong();
        private final AtomicReference<Failure> failure = new AtomicReference<>();
        private final Queue<Sequenced> rejections = new ConcurrentLinkedQueue<>();
        private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
        private long read;

        void fail(String topic, String source, Exception cause) {
            if (failure.compareAndSet(null, new Failure(topic, source, cause))) {
                LOG.error("{}: cannot write to topic {}: {}", source, topic, cause.toString());
            }
        }

        /** Counts derive from what was acknowledged: rejected is the number of rejections listed. */
        IngestReport report() {
            List<IngestReport.Rejection> inInputOrder = rejections.stream()
                    .sorted(Comparator.comparingLong(Sequenced::sequence)).map(Sequenced::rejection).toList();
            return IngestReport.of(read, published.get(), inInputOrder);
        }
    }
}
