package dev.storywire.sink;

import dev.storywire.model.Story;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one {@code put()}, buffered per table and collapsed per key, in the order the store applies
 * them: story deletes, story upserts (then the related members of the accepted ones), article upserts.
 *
 * <p>Collapsing follows record order within a key (one key lives on one partition, so Connect delivers its
 * records in order): a later article record replaces an earlier one; of two story versions the higher wins
 * (the database guard would drop the lower one anyway); a tombstone drops the upserts before it but a story
 * written again after its tombstone is deleted first and then written.
 */
public final class ChangeSet {

    private final boolean deleteEnabled;
    private final Map<String, PendingStory> stories = new LinkedHashMap<>();
    private final Map<String, SinkChange.ArticleUpsert> articles = new LinkedHashMap<>();

    public ChangeSet(boolean deleteEnabled) {
        this.deleteEnabled = deleteEnabled;
    }

    public void add(SinkChange change) {
        if (change instanceof SinkChange.StoryUpsert upsert) {
            stories.merge(upsert.story().storyId(), new PendingStory(false, upsert.story()),
                    (earlier, later) -> new PendingStory(earlier.deleteFirst(), newer(earlier.story(), later.story())));
        } else if (change instanceof SinkChange.StoryTombstone tombstone) {
            if (deleteEnabled) {
                stories.put(tombstone.storyId(), new PendingStory(true, null));
            }
        } else if (change instanceof SinkChange.ArticleUpsert article) {
            articles.put(article.articleId(), article);
        }
    }

    private static Story newer(Story earlier, Story later) {
        if (earlier == null) {
            return later;
        }
        return later.version() >= earlier.version() ? later : earlier;
    }

    public boolean isEmpty() {
        return stories.isEmpty() && articles.isEmpty();
    }

    /** Ids of stories to delete, with the articles still attached to them. */
    public List<String> storyDeletes() {
        List<String> ids = new ArrayList<>();
        stories.forEach((id, pending) -> {
            if (pending.deleteFirst()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The latest state of each story to upsert. */
    public List<Story> storyUpserts() {
        List<Story> upserts = new ArrayList<>();
        stories.values().forEach(pending -> {
            if (pending.story() != null) {
                upserts.add(pending.story());
            }
        });
        return upserts;
    }

    /** The latest record of each article. */
    public List<SinkChange.ArticleUpsert> articleUpserts() {
        return List.copyOf(articles.values());
    }

    /**
     * @param deleteFirst a tombstone came for the story
     * @param story the latest state after the last tombstone, or {@code null}
     */
    private record PendingStory(boolean deleteFirst, Story story) {
    }
}
