package dev.storywire.processor.bench;

import dev.storywire.model.Article;
import dev.storywire.processor.cluster.ClusterOutput;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Wraps a clustering step (the real one or {@link IdentityClustering}) and reports to a {@link ProcessingProgress}:
 * every {@code process()} call, and every output bound for the {@code stories} topic; and to a
 * {@link StoryAssignments} the story of every output bound for {@code stories.articles}; and to an {@link ArrivalLag}
 * the timestamp of every record it receives. Otherwise it only
 * delegates, the state stores the wrapped supplier connects included, so the topology is the one it would be
 * without it.
 */
final class CountingClustering implements ProcessorSupplier<String, Article, String, ClusterOutput> {

    private final ProcessorSupplier<String, Article, String, ClusterOutput> clustering;
    private final ProcessingProgress progress;
    private final StoryAssignments assignments;
    private final ArrivalLag arrivals;

    CountingClustering(ProcessorSupplier<String, Article, String, ClusterOutput> clustering,
            ProcessingProgress progress, StoryAssignments assignments, ArrivalLag arrivals) {
        this.clustering = clustering;
        this.progress = progress;
        this.assignments = assignments;
        this.arrivals = arrivals;
    }

    @Override
    public Processor<String, Article, String, ClusterOutput> get() {
        return new CountingProcessor(clustering.get(), progress, assignments, arrivals);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return clustering.stores();
    }

    private static final class CountingProcessor implements Processor<String, Article, String, ClusterOutput> {

        private final Processor<String, Article, String, ClusterOutput> delegate;
        private final ProcessingProgress progress;
        private final StoryAssignments assignments;
        private final ArrivalLag arrivals;

        CountingProcessor(Processor<String, Article, String, ClusterOutput> delegate, ProcessingProgress progress,
                StoryAssignments assignments, ArrivalLag arrivals) {
            this.delegate = delegate;
            this.progress = progress;
            this.assignments = assignments;
            this.arrivals = arrivals;
        }

        @Override
        public void init(ProcessorContext<String, ClusterOutput> context) {
            delegate.init(new StoryCountingContext(context, progress, assignments));
        }

        @Override
        public void process(Record<String, Article> record) {
            progress.recordProcessed();
            arrivals.observe(record.timestamp());
            delegate.process(record);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * Passes everything through to the real context, counting the forwarded story versions and tombstones and
     * noting the story of each forwarded article record.
     */
    private static final class StoryCountingContext implements ProcessorContext<String, ClusterOutput> {

        private final ProcessorContext<String, ClusterOutput> context;
        private final ProcessingProgress progress;
        private final StoryAssignments assignments;

        StoryCountingContext(ProcessorContext<String, ClusterOutput> context, ProcessingProgress progress,
                StoryAssignments assignments) {
            this.context = context;
            this.progress = progress;
            this.assignments = assignments;
        }

        @Override
        public <K extends String, V extends ClusterOutput> void forward(Record<K, V> record) {
            observe(record);
            context.forward(record);
        }

        @Override
        public <K extends String, V extends ClusterOutput> void forward(Record<K, V> record, String childName) {
            observe(record);
            context.forward(record, childName);
        }

        /** Story versions and tombstones are counted; article records (keyed by article id) give its story. */
        private void observe(Record<? extends String, ? extends ClusterOutput> record) {
            ClusterOutput output = record.value();
            if (output == null) {
                return;
            }
            if (output.forStories()) {
                progress.recordStoryEmitted();
            } else if (output.storyArticle() != null) {
                assignments.record(record.key(), output.storyArticle().storyId());
            }
        }

        @Override
        public String applicationId() {
            return context.applicationId();
        }

        @Override
        public TaskId taskId() {
            return context.taskId();
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return context.recordMetadata();
        }

        @Override
        public Serde<?> keySerde() {
            return context.keySerde();
        }

        @Override
        public Serde<?> valueSerde() {
            return context.valueSerde();
        }

        @Override
        public File stateDir() {
            return context.stateDir();
        }

        @Override
        public StreamsMetrics metrics() {
            return context.metrics();
        }

        @Override
        public <S extends StateStore> S getStateStore(String name) {
            return context.getStateStore(name);
        }

        @Override
        public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(interval, type, callback);
        }

        @Override
        public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(startTime, interval, type, callback);
        }

        @Override
        public void commit() {
            context.commit();
        }

        @Override
        public Map<String, Object> appConfigs() {
            return context.appConfigs();
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            return context.appConfigsWithPrefix(prefix);
        }

        @Override
        public long currentSystemTimeMs() {
            return context.currentSystemTimeMs();
        }

        @Override
        public long currentStreamTimeMs() {
            return context.currentStreamTimeMs();
        }
    }
}
