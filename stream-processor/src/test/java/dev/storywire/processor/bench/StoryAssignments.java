package dev.storywire.processor.bench;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest story of every article a clustering step sent to {@code stories.articles} in one benchmark run, by
 * article id: a later record of the same article (re-emitted after a merge moved it) replaces the earlier one. The
 * prediction {@link ClusterBenchmark} scores against the feed's truth.
 *
 * <p>Written by the one stream thread that runs the clustering task (see {@link ProcessingProgress}); read only
 * after the run ended and the client closed, which joins that thread.
 */
final class StoryAssignments {

    private final Map<String, String> storyOfArticle;

    /** @param expected about how many articles, to size the map once */
    StoryAssignments(int expected) {
        this.storyOfArticle = new HashMap<>(Math.max(16, (int) (expected / 0.75) + 1));
    }

    void record(String articleId, String storyId) {
        storyOfArticle.put(articleId, storyId);
    }

    /** The latest story id by article id; call after the run ended. */
    Map<String, String> storyOfArticle() {
        return Collections.unmodifiableMap(storyOfArticle);
    }
}
