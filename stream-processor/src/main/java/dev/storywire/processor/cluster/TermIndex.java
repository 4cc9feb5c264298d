package dev.storywire.processor.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The clustering's inverted index of live stories: per term, the ids of the stories first indexed under it most
 * recently, oldest first, at most {@code maxPostings}; and per story, the terms it is posted under, so that a story
 * leaves every posting it is in when it expires or is merged away.
 *
 * <p>It is derived state, held in memory only: {@link ClusteringProcessor} builds it again from the live stories
 * (the expiry index, oldest update first) whenever a processor starts. A store with a changelog held it before;
 * its postings were rewritten, serialised and sent to the changelog for nearly every article (about two fifths of the
 * clustering's changelog bytes), for state the stories already determine. After a restart the postings are those
 * the live stories' current terms give, in order of their latest update; an uninterrupted run may have posted a
 * story under a term it no longer ranks among its rarest, or pushed it out of a term's postings. So decisions after a
 * restart may differ at the margin from those of a run that never stopped (cached story norms already do the same).
 *
 * <p>Memory is bounded by the live stories: expiry and merges take a story out of all of its postings, and a term
 * whose postings empty is dropped. Not thread-safe.
 */
final class TermIndex {

    private final int maxPostings;
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Set<String>> termsOfStory = new HashMap<>();

    /** @param maxPostings story ids kept per term (the most recently posted) */
    TermIndex(int maxPostings) {
        if (maxPostings < 1) {
            throw new IllegalArgumentException("maxPostings must be at least 1, was " + maxPostings);
        }
        this.maxPostings = maxPostings;
    }

    /** Hands every story id posted under {@code term} to {@code action}, oldest first. */
    void forEachStory(String term, Consumer<String> action) {
        Postings list = postings.get(term);
        if (list != null) {
            for (int i = 0; i < list.size; i++) {
                action.accept(list.ids[i]);
            }
        }
    }

    /**
     * Posts {@code storyId} under {@code term} unless it is there already (a story keeps its place); when the
     * postings are full, the story posted longest ago leaves them.
     */
    void add(String term, String storyId) {
        Postings list = postings.computeIfAbsent(term, t -> new Postings());
        if (list.indexOf(storyId) >= 0) {
            return;
        }
        if (list.size == maxPostings) {
            String dropped = list.ids[0];
            list.removeAt(0);
            forgetPosting(dropped, term);
        }
        list.append(storyId, maxPostings);
        termsOfStory.computeIfAbsent(storyId, s -> new HashSet<>()).add(term);
    }

    /** Takes {@code storyId} out of every posting it is in. */
    void remove(String storyId) {
        Set<String> terms = termsOfStory.remove(storyId);
        if (terms == null) {
            return;
        }
        for (String term : terms) {
            Postings list = postings.get(term);
            int at = list == null ? -1 : list.indexOf(storyId);
            if (at >= 0) {
                list.removeAt(at);
                if (list.size == 0) {
                    postings.remove(term);
                }
            }
        }
    }

    /** The ids posted under {@code term}, oldest first (for tests and diagnostics). */
    String[] postings(String term) {
        Postings list = postings.get(term);
        return list == null ? new String[0] : Arrays.copyOf(list.ids, list.size);
    }

    /** How many terms have postings. */
    int terms() {
        return postings.size();
    }

    /** How many stories are posted under at least one term. */
    int stories() {
        return termsOfStory.size();
    }

    private void forgetPosting(String storyId, String term) {
        Set<String> terms = termsOfStory.get(storyId);
        if (terms != null && terms.remove(term) && terms.isEmpty()) {
            termsOfStory.remove(storyId);
        }
    }

    /** One term's story ids, oldest first, in an array that grows to the bound: most terms name one story. */
    private static final class Postings {

        private String[] ids = new String[2];
        private int size;

        int indexOf(String id) {
            for (int i = 0; i < size; i++) {
                if (ids[i].equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        void append(String id, int max) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, Math.min(max, ids.length * 2));
            }
            ids[size++] = id;
        }

        void removeAt(int at) {
            System.arraycopy(ids, at + 1, ids, at, size - at - 1);
            ids[--size] = null;
        }
    }
}
