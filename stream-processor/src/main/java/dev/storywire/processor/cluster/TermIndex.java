package dev.storywire.processor.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clustering's inverted index of live stories: per term, the stories first indexed under it most recently,
 * oldest first, at most {@code maxPostings}; and per story, the terms it is posted under, so that a story leaves
 * every posting it is in when it expires or is merged away. {@link #topStories} finds the stories that share the
 * most of an article's query terms.
 *
 * <p>Stories are held by handle, a small int given to a story while it is posted anywhere and reused after: the
 * postings are int arrays, and counting a lookup's hits is an increment in an array indexed by handle, not a hash
 * table of story-id strings.
 *
 * <p>It is derived state, held in memory only: {@link StoryClusterer} builds it again from the live stories (the
 * expiry index, oldest update first) whenever it starts, rather than rewriting postings to a changelog for nearly
 * every article, for state the stories already determine. After a restart the postings are those
 * the live stories' current terms give, in order of their latest update; an uninterrupted run may have posted a
 * story under a term it no longer ranks among its rarest, or pushed it out of a term's postings. So decisions after a
 * restart may differ at the margin from those of a run that never stopped (cached story norms already do the same).
 *
 * <p>Memory is bounded by the live stories: expiry and merges take a story out of all of its postings, and a term
 * whose postings empty is dropped. Not thread-safe.
 */
final class TermIndex {

    /** Marks a story id whose packed characters cannot stand for it in comparisons. */
    private static final long NO_KEY = 0;

    private final int maxPostings;
    private final Map<String, Postings> postings = new HashMap<>();
    private final Map<String, Integer> handles = new HashMap<>();
    /** By handle: the story's id and the terms it is posted under; {@code null} for a free handle. */
    private String[] storyIds = new String[64];
    private final List<Set<String>> termsOf = new ArrayList<>();
    private int[] freeHandles = new int[16];
    private int freeCount;
    /** By handle: the story id's first characters packed for comparison ({@link #sortKey}). */
    private long[] sortKeys = new long[64];
    /** By handle: the hits of the lookup in progress; all zero between lookups. */
    private int[] hits = new int[64];
    private int[] touched = new int[64];

    /** @param maxPostings story ids kept per term (the most recently posted) */
    TermIndex(int maxPostings) {
        if (maxPostings < 1) {
            throw new IllegalArgumentException("maxPostings must be at least 1, was " + maxPostings);
        }
        this.maxPostings = maxPostings;
    }

    /**
     * The stories posted under the most of {@code queryTerms} (distinct terms), at most {@code limit}, ties by story
     * id, in no particular order.
     */
    List<String> topStories(List<String> queryTerms, int limit) {
        int touchedCount = 0;
        int mostHits = 0;
        for (String term : queryTerms) {
            Postings list = postings.get(term);
            for (int i = 0; list != null && i < list.size; i++) {
                int handle = list.handles[i];
                if (hits[handle]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = handle;
                }
                mostHits = Math.max(mostHits, hits[handle]);
            }
        }
        List<String> chosen = choose(touchedCount, mostHits, limit);
        for (int i = 0; i < touchedCount; i++) {
            hits[touched[i]] = 0;
        }
        return chosen;
    }

    /**
     * Posts {@code storyId} under {@code term} unless it is there already (a story keeps its place); when the
     * postings are full, the story posted longest ago leaves them.
     */
    void add(String term, String storyId) {
        Postings list = postings.computeIfAbsent(term, t -> new Postings());
        Integer known = handles.get(storyId);
        if (known != null && list.indexOf(known) >= 0) {
            return;
        }
        if (list.size == maxPostings) {
            int dropped = list.handles[0];
            list.removeAt(0);
            forgetPosting(dropped, term);
        }
        int handle = known != null ? known : handleFor(storyId);
        list.append(handle, maxPostings);
        termsOf.get(handle).add(term);
    }

    /** Takes {@code storyId} out of every posting it is in. */
    void remove(String storyId) {
        Integer handle = handles.get(storyId);
        if (handle == null) {
            return;
        }
        for (String term : termsOf.get(handle)) {
            Postings list = postings.get(term);
            int at = list == null ? -1 : list.indexOf(handle);
            if (at >= 0) {
                list.removeAt(at);
                if (list.size == 0) {
                    postings.remove(term);
                }
            }
        }
        release(handle);
    }

    /** The ids posted under {@code term}, oldest first (for tests and diagnostics). */
    String[] postings(String term) {
        Postings list = postings.get(term);
        String[] ids = new String[list == null ? 0 : list.size];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = storyIds[list.handles[i]];
        }
        return ids;
    }

    /** How many terms have postings. */
    int terms() {
        return postings.size();
    }

    /** How many stories are posted under at least one term. */
    int stories() {
        return handles.size();
    }

    /**
     * The {@code limit} touched stories with the most hits, ties by id. Hits are at most the number of query terms,
     * so the cut-off comes from counting the stories per number of hits, and only the ids tied at it are compared.
     */
    private List<String> choose(int touchedCount, int mostHits, int limit) {
        List<String> chosen = new ArrayList<>(Math.min(touchedCount, limit));
        if (touchedCount <= limit) {
            for (int i = 0; i < touchedCount; i++) {
                chosen.add(storyIds[touched[i]]);
            }
            return chosen;
        }
        int[] storiesWithHits = new int[mostHits + 1];
        for (int i = 0; i < touchedCount; i++) {
            storiesWithHits[hits[touched[i]]]++;
        }
        int cutoff = mostHits;
        int above = 0;
        while (above + storiesWithHits[cutoff] < limit) {
            above += storiesWithHits[cutoff--];
        }
        int[] tied = new int[storiesWithHits[cutoff]];
        int tiedCount = 0;
        for (int i = 0; i < touchedCount; i++) {
            int handleHits = hits[touched[i]];
            if (handleHits > cutoff) {
                chosen.add(storyIds[touched[i]]);
            } else if (handleHits == cutoff) {
                tied[tiedCount++] = touched[i];
            }
        }
        for (int handle : smallestIds(tied, tiedCount, limit - above)) {
            chosen.add(storyIds[handle]);
        }
        return chosen;
    }

    /**
     * The {@code count} handles of {@code handles} whose story ids come first (fewer than them), by a bounded heap
     * with the largest on top. Most candidates tie at one shared term, and comparing their id strings was a cache miss
     * per string: the packed first characters ({@link #sortKey}) decide nearly every comparison.
     */
    private int[] smallestIds(int[] handles, int size, int count) {
        int[] heap = new int[count];
        int heapSize = 0;
        for (int i = 0; i < size; i++) {
            int handle = handles[i];
            if (heapSize < count) {
                heap[heapSize] = handle;
                siftUp(heap, heapSize++);
            } else if (compareIds(handle, heap[0]) < 0) {
                heap[0] = handle;
                siftDown(heap, heapSize);
            }
        }
        return Arrays.copyOf(heap, heapSize);
    }

    private void siftUp(int[] heap, int at) {
        int child = at;
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (compareIds(heap[child], heap[parent]) <= 0) {
                return;
            }
            swap(heap, child, parent);
            child = parent;
        }
    }

    private void siftDown(int[] heap, int size) {
        int parent = 0;
        while (2 * parent + 1 < size) {
            int child = 2 * parent + 1;
            if (child + 1 < size && compareIds(heap[child + 1], heap[child]) > 0) {
                child++;
            }
            if (compareIds(heap[parent], heap[child]) >= 0) {
                return;
            }
            swap(heap, parent, child);
            parent = child;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int held = heap[a];
        heap[a] = heap[b];
        heap[b] = held;
    }

    /** The order of the two handles' story ids, as {@link String#compareTo} orders them. */
    private int compareIds(int a, int b) {
        long keyA = sortKeys[a];
        long keyB = sortKeys[b];
        if (keyA != keyB && keyA != NO_KEY && keyB != NO_KEY) {
            return Long.compareUnsigned(keyA, keyB);
        }
        return storyIds[a].compareTo(storyIds[b]);
    }

    /**
     * The first eight characters of {@code id} packed one byte each, so that unequal keys order as the strings do;
     * {@link #NO_KEY} when the id is shorter or one of them is beyond Latin-1 (the strings are compared then).
     */
    static long sortKey(String id) {
        if (id.length() < Long.BYTES) {
            return NO_KEY;
        }
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            char c = id.charAt(i);
            if (c > 0xFF) {
                return NO_KEY;
            }
            key = key << Byte.SIZE | c;
        }
        return key == NO_KEY ? NO_KEY : key;
    }

    private int handleFor(String storyId) {
        int handle;
        if (freeCount > 0) {
            handle = freeHandles[--freeCount];
            termsOf.set(handle, new HashSet<>());
        } else {
            handle = termsOf.size();
            termsOf.add(new HashSet<>());
            if (handle == storyIds.length) {
                storyIds = Arrays.copyOf(storyIds, handle * 2);
                sortKeys = Arrays.copyOf(sortKeys, handle * 2);
                hits = Arrays.copyOf(hits, handle * 2);
            }
        }
        storyIds[handle] = storyId;
        sortKeys[handle] = sortKey(storyId);
        handles.put(storyId, handle);
        return handle;
    }

    private void release(int handle) {
        handles.remove(storyIds[handle]);
        storyIds[handle] = null;
        termsOf.set(handle, null);
        if (freeCount == freeHandles.length) {
            freeHandles = Arrays.copyOf(freeHandles, freeCount * 2);
        }
        freeHandles[freeCount++] = handle;
    }

    private void forgetPosting(int handle, String term) {
        Set<String> terms = termsOf.get(handle);
        if (terms != null && terms.remove(term) && terms.isEmpty()) {
            release(handle);
        }
    }

    /** One term's story handles, oldest first, in an array that grows to the bound: most terms name one story. */
    private static final class Postings {

        private int[] handles = new int[2];
        private int size;

        int indexOf(int handle) {
            for (int i = 0; i < size; i++) {
                if (handles[i] == handle) {
                    return i;
                }
            }
            return -1;
        }

        void append(int handle, int max) {
            if (size == handles.length) {
                handles = Arrays.copyOf(handles, Math.min(max, handles.length * 2));
            }
            handles[size++] = handle;
        }

        void removeAt(int at) {
            System.arraycopy(handles, at + 1, handles, at, size - at - 1);
            size--;
        }
    }
}
