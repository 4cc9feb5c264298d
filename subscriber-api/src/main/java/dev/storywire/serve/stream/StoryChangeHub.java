package dev.storywire.serve.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code stories} topic from its end with one consumer (no group: it assigns every partition) and
 * hands each change to every subscribed stream. Subscribing returns the hub's position at that moment, so the
 * subscriber gets exactly the changes from there on and can replay what lies before it from Kafka.
 */
public final class StoryChangeHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryChangeHub.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Receives changes on the hub's thread; must not block. */
    public interface Subscriber {
        /** The changes of one poll, in offset order per partition; shared by every subscriber, so read-only. */
        void offer(List<ChangeEvent> batch);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Object lock = new Object();
    private final Map<Integer, Long> positions = new HashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private final Function<Story, ObjectNode> summary;

    private StoryChangeHub(KafkaConsumer<String, byte[]> consumer, String topic, Function<Story, ObjectNode> summary) {
        this.consumer = consumer;
        this.topic = topic;
        this.summary = summary;
        this.thread = new Thread(this::run, "serve-change-hub");
        thread.setDaemon(true);
    }

    /**
     * Starts at the topic's current end.
     *
     * @param consumerConfig bootstrap servers and read_committed isolation (see {@link ChangeReplay#consumerConfig})
     * @param knownSizes article counts of stories as the stores hold them, so the first change of an existing story
     *     can say whether it grew
     */
    public static StoryChangeHub start(Map<String, Object> consumerConfig, String topic,
            Map<String, Integer> knownSizes, Function<Story, ObjectNode> summary) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = ChangeReplay.partitionsOf(consumer, topic);
            consumer.assign(partitions);
            StoryChangeHub hub = new StoryChangeHub(consumer, topic, summary);
            // read_committed: the end offsets are the last stable offsets, after the last committed transaction.
            consumer.endOffsets(partitions).forEach((tp, end) -> {
                consumer.seek(tp, end);
                hub.positions.put(tp.partition(), end);
            });
            hub.sizes.putAll(knownSizes);
            hub.thread.start();
            log.info("Following {} from {}", topic, hub.positions);
            return hub;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Adds a subscriber and returns the position from which it receives changes. */
    public StreamPosition subscribe(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.add(subscriber);
            return new StreamPosition(positions);
        }
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** The hub's current position: every change before it has been handed out. */
    public StreamPosition position() {
        synchronized (lock) {
            return new StreamPosition(positions);
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    public boolean alive() {
        return thread.isAlive();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    synchronized (lock) {
                        dispatch(records);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("The change stream of {} stopped at {}: {}", topic, positions, e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    /**
     * Renders each change of a poll once and hands the whole batch to every subscriber: one hand-over (and at most
     * one wake-up of its writer) per subscriber and poll, not per change.
     */
    private void dispatch(ConsumerRecords<String, byte[]> records) {
        List<ChangeEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            positions.put(record.partition(), record.offset() + 1);
            try {
                batch.add(ChangeEvent.render(StoryChange.of(record, sizes), summary));
            } catch (SerializationException e) {
                log.warn("Skipping unreadable story '{}' at {}-{}@{}: {}", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        List<ChangeEvent> shared = Collections.unmodifiableList(batch);
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(shared);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
