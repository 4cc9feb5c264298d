package dev.storywire.processor.bench;

import dev.storywire.model.Article;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.cluster.ClusterOutput;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The clustering step replaced by identity: every article is a story of its own, emitted as one article record
 * and one story record like the real step, with no state. The yardstick of {@link ClusterBenchmark}.
 */
public final class IdentityClustering implements Processor<String, Article, String, ClusterOutput> {

    private ProcessorContext<String, ClusterOutput> context;

    public static ProcessorSupplier<String, Article, String, ClusterOutput> supplier() {
        return IdentityClustering::new;
    }

    @Override
    public void init(ProcessorContext<String, ClusterOutput> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String storyId = StoryIds.forFoundingArticle(record.key());
        List<ResolvedRelated> related = article.related().stream()
                .map(item -> new ResolvedRelated(item.id(), null, item.title(), item.webUrl()))
                .toList();
        context.forward(record.withValue(ClusterOutput.of(new StoryArticle(storyId, Role.PRIMARY, article, related))));
        StoryMember member = new StoryMember(record.key(), article.webUrl(), article.title(), article.providerName(),
                article.publishedDateTime(), Role.PRIMARY);
        Story story = new Story(storyId, article.title(), 1, List.of(member), List.of(article.providerName()),
                article.topics(), article.publishedDateTime(), article.publishedDateTime(), 1);
        context.forward(record.withKey(storyId).withValue(ClusterOutput.of(story)));
    }
}
