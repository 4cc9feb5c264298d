package dev.storywire.processor.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.storywire.model.Article;
import dev.storywire.model.JsonSerde;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.text.ContentFingerprints;
import dev.storywire.processor.text.TermCounts;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What expiry reads of a stored story and of a stored article, decoded from their JSON without the rest: a story
 * leaves the indexes without its term vectors (they are dropped), and an article's payload is dropped after its
 * fingerprints and related ids are taken out of their indexes. The parser skips the left-out fields instead of
 * building them (a story's two term vectors, an article's related items' texts, images and extra fields). In a
 * {@code perf} profile at 150,000 synthetic articles, decoding was half of what expiry cost.
 */
final class ExpiryViews {

    private static final Deserializer<StoryFields> STORY_FIELDS = JsonSerde.of(StoryFields.class);

    /** A stored {@link StoryState} without its term vectors. */
    static final Deserializer<StoryState> STORY_WITHOUT_TERMS = (topic, data) -> {
        StoryFields fields = STORY_FIELDS.deserialize(topic, data);
        return fields == null ? null : fields.toState();
    };

    /** A stored {@link Article}'s keys in the fingerprint and related-link indexes. */
    static final Deserializer<ArticleIndexKeys> ARTICLE_INDEX_KEYS = JsonSerde.of(ArticleIndexKeys.class);

    private ExpiryViews() {
    }

    /**
     * Every field of a stored story state but the term vectors. Expiry writes the story back from it, so a field
     * added to {@link StoryState} must be added here too; {@code ExpiryViewsTest} compares the two.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoryFields(String storyId, List<StoryMember> members, List<String> topics, List<String> leads,
            long version, boolean indexed) {

        StoryState toState() {
            return new StoryState(storyId, members, TermCounts.EMPTY, TermCounts.EMPTY, topics, leads, version,
                    indexed, null, null);
        }
    }

    /** The fields of an article its index entries derive from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArticleIndexKeys(String title, String excerpt, List<RelatedKey> related) {

        ArticleIndexKeys {
            related = related == null ? List.of() : related;
        }

        static ArticleIndexKeys of(Article article) {
            List<RelatedKey> keys = new ArrayList<>(article.related().size());
            article.related().forEach(item -> keys.add(new RelatedKey(item.id(), item.webUrl())));
            return new ArticleIndexKeys(article.title(), article.excerpt(), keys);
        }

        List<String> fingerprints() {
            return ContentFingerprints.of(title, excerpt);
        }

        /** The canonical ids of the related items, in list order, null where an item has none. */
        List<String> relatedIds() {
            List<String> ids = new ArrayList<>(related.size());
            related.forEach(key -> ids.add(RelatedIds.of(key.id(), key.webUrl())));
            return ids;
        }
    }

    /** A related item's id and URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RelatedKey(String id, String webUrl) {
    }
}
