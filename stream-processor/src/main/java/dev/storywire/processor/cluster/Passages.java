package dev.storywire.processor.cluster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Hashes of the runs of {@value #LENGTH} consecutive analysed terms (w-shingles) of a text's title and of its
 * excerpt. Two texts sharing one carry the same passage of at least {@value #LENGTH} content words (stop words
 * removed): text copied from one press release or wire story, which different write-ups of an event, or
 * different events told in one template's words, rarely share. Sorted and distinct; immutable.
 */
public final class Passages {

    /** Content words per passage: longer than a shared phrase or a template's stock line, shorter than a sentence. */
    static final int LENGTH = 8;
    /** Passages kept per story: the latest texts' (a story's texts share most of theirs). */
    static final int MAX_PER_STORY = 256;

    static final Passages NONE = new Passages(new int[0]);

    private final int[] hashes;

    private Passages(int[] hashes) {
        this.hashes = hashes;
    }

    /** The passages of these hashes, in any order, repeats allowed. */
    @JsonCreator
    public static Passages of(int[] hashes) {
        if (hashes == null || hashes.length == 0) {
            return NONE;
        }
        int[] sorted = hashes.clone();
        Arrays.sort(sorted);
        int n = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return new Passages(n == sorted.length ? sorted : Arrays.copyOf(sorted, n));
    }

    /** The passages of one text's title terms and excerpt terms (each on its own: a passage never spans both). */
    static Passages ofTerms(List<String> titleTerms, List<String> excerptTerms) {
        int count = Math.max(0, titleTerms.size() - LENGTH + 1) + Math.max(0, excerptTerms.size() - LENGTH + 1);
        if (count == 0) {
            return NONE;
        }
        int[] hashes = new int[count];
        int at = add(titleTerms, hashes, 0);
        add(excerptTerms, hashes, at);
        return of(hashes);
    }

    private static int add(List<String> terms, int[] hashes, int at) {
        for (int start = 0; start + LENGTH <= terms.size(); start++) {
            hashes[at++] = terms.subList(start, start + LENGTH).hashCode();
        }
        return at;
    }

    /** The hashes, ascending (a copy). */
    @JsonValue
    public int[] hashes() {
        return hashes.clone();
    }

    boolean isEmpty() {
        return hashes.length == 0;
    }

    /** Whether the two share a passage. */
    boolean overlaps(Passages other) {
        int i = 0;
        int j = 0;
        while (i < hashes.length && j < other.hashes.length) {
            if (hashes[i] == other.hashes[j]) {
                return true;
            }
            if (hashes[i] < other.hashes[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** These passages and {@code added}; beyond {@code max}, the added ones stay and some of these leave. */
    Passages plus(Passages added, int max) {
        if (added.isEmpty()) {
            return this;
        }
        if (added.hashes.length >= max) {
            return new Passages(Arrays.copyOf(added.hashes, max));
        }
        // One merge of the two sorted arrays: every added passage, and of these the lowest that still fit.
        int room = max - added.hashes.length;
        int[] merged = new int[Math.min(max, added.hashes.length + hashes.length)];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < added.hashes.length || j < hashes.length) {
            if (i < added.hashes.length && (j == hashes.length || added.hashes[i] <= hashes[j])) {
                j += j < hashes.length && added.hashes[i] == hashes[j] ? 1 : 0;
                merged[n++] = added.hashes[i++];
            } else if (room > 0) {
                merged[n++] = hashes[j++];
                room--;
            } else {
                j++;
            }
        }
        return new Passages(n == merged.length ? merged : Arrays.copyOf(merged, n));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Passages that && Arrays.equals(hashes, that.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "Passages" + Arrays.toString(hashes);
    }
}
