package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.bench.IdentityClustering;
import dev.storywire.processor.text.BackgroundFrequencies;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A lower bound on any clustering step built on this analyser and document-frequency store, for the benchmark's
 * {@code -Dbench.clustering=text-statistics}: per article only what issue 4 asks of every step whatever its algorithm,
 * that is analyse the title and excerpt with the real analyser and count the document into the document-frequency
 * store (the same store as the real step: changelogged, written once per commit, RocksDB unless the stores are
 * configured in memory); then it emits like the identity step, every article a story of its own. No candidates, no
 * scoring, no story state, no related-coverage join, no expiry.
 */
public final class TextStatisticsOnlyClustering implements Processor<String, Article, String, ClusterOutput> {

    private final ProcessorConfig config;
    /** Emits every article as a story of its own, exactly as the benchmark's yardstick does. */
    private final Processor<String, Article, String, ClusterOutput> identity = IdentityClustering.supplier().get();
    private TermStatistics statistics;

    private TextStatisticsOnlyClustering(ProcessorConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, Article, String, ClusterOutput> supplier(ProcessorConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, ClusterOutput> get() {
                return new TextStatisticsOnlyClustering(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(ClusteringStores.store(ClusteringStores.DOCUMENT_FREQUENCIES, Serdes.Long(),
                        config.inMemoryStores()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ClusterOutput> context) {
        identity.init(context);
        this.statistics = new TermStatistics(BackgroundFrequencies.shipped(),
                context.getStateStore(ClusteringStores.DOCUMENT_FREQUENCIES));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        ArticleText text = ArticleText.of(article.title(), article.excerpt(), config.titleWeight(),
                statistics::canonical);
        statistics.addDocument(text.vector());
        identity.process(record);
    }
}
