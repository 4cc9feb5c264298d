package dev.storywire.processor.cluster;

import dev.storywire.processor.text.TopCounts;
import java.util.List;

/**
 * How many of an article's query terms each story shares: a counter of story ids, built from a dozen postings of a
 * dozen ids for every article. An open-addressing table of ids and primitive counts, where a hash map of boxed
 * counts allocated an entry and an {@code Integer} per story and was a tenth of the clustering's time. Not
 * thread-safe; one per lookup.
 */
final class HitCounts {

    /**
     * Tables start at most this big (slots): the defaults expect 12 × 16 ids, and a configuration with far longer
     * postings should not allocate a huge table per article before it knows how many ids come.
     */
    private static final int MAX_INITIAL_CAPACITY = 1 << 12;

    private String[] keys;
    private int[] counts;
    private int size;

    /** @param expected about how many distinct ids will be counted (the table grows past it if need be) */
    HitCounts(int expected) {
        int wanted = Math.min(Math.max(4, expected), MAX_INITIAL_CAPACITY / 2);
        int capacity = Integer.highestOneBit(wanted * 2 - 1) << 1;
        keys = new String[capacity];
        counts = new int[capacity];
    }

    /** Counts one more hit of {@code id}. */
    void add(String id) {
        int slot = slot(keys, id);
        if (keys[slot] == null) {
            keys[slot] = id;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            slot = slot(keys, id);
        }
        counts[slot]++;
    }

    /** The {@code limit} ids with the most hits, ties by id, in no particular order ({@link TopCounts}). */
    List<String> top(int limit) {
        return TopCounts.keys(keys, counts, size, limit);
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new String[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** The slot holding {@code id}, or the empty slot where it goes (linear probing; the table is never full). */
    private static int slot(String[] table, String id) {
        int mask = table.length - 1;
        int hash = id.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (table[slot] != null && !table[slot].equals(id)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
