package dev.storywire.processor.cluster;

import java.util.Collection;

/**
 * The hash codes of a set of terms in an open-addressing table of ints: a test that rules a term out without
 * touching it. The subject check compares every candidate story's lead terms with the article's terms; reading
 * each lead's string to hash it was a cache miss per lead, for up to 32 leads per candidate, where the stories'
 * lead hashes ({@link StoryState#leadHashes()}) sit in one array. A hash that is present still needs the real
 * comparison: different terms can share one. Immutable.
 */
final class TermHashes {

    /** An empty slot: hash 0 (the empty string's) is kept in its own flag instead. */
    private static final int EMPTY = 0;

    private final int[] slots;
    private final int mask;
    private final boolean hasZero;

    private TermHashes(int[] slots, boolean hasZero) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.hasZero = hasZero;
    }

    static TermHashes of(Collection<String> terms) {
        // At most a quarter full, so that a probe for an absent hash ends at once.
        int capacity = Integer.highestOneBit(Math.max(4, terms.size()) * 4 - 1) << 1;
        int[] slots = new int[capacity];
        boolean hasZero = false;
        for (String term : terms) {
            int hash = term.hashCode();
            if (hash == EMPTY) {
                hasZero = true;
                continue;
            }
            int slot = spread(hash) & (capacity - 1);
            while (slots[slot] != EMPTY && slots[slot] != hash) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = hash;
        }
        return new TermHashes(slots, hasZero);
    }

    /** False when no term of the set has {@code hash}; true when one may be the term hashed. */
    boolean mayContain(int hash) {
        if (hash == EMPTY) {
            return hasZero;
        }
        int slot = spread(hash) & mask;
        while (slots[slot] != EMPTY) {
            if (slots[slot] == hash) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
