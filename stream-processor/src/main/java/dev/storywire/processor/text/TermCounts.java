package dev.storywire.processor.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raw term counts of a text or a story, immutable, in parallel arrays sorted by the terms' hash codes (ties by
 * term). The clustering scores every article against dozens of story vectors: sorted arrays make that a merge of
 * two int sequences instead of a hash-map lookup per article term in each story's map, and adding an article to a
 * story a merge instead of copying a map. Two instances with the same counts have the same arrays, so equality is
 * that of the counts. In JSON it is an object of term to count, as a map was.
 */
@JsonSerialize(using = TermCounts.Writer.class)
@JsonDeserialize(using = TermCounts.Reader.class)
public final class TermCounts {

    public static final TermCounts EMPTY = new TermCounts(new int[0], new String[0], new int[0]);

    /** The order of the arrays: hash code, then term. */
    private static final Comparator<String> ORDER =
            Comparator.comparingInt(String::hashCode).thenComparing(Comparator.naturalOrder());

    private final int[] hashes;
    private final String[] terms;
    private final int[] counts;
    /** What a scorer derived from these counts ({@link #derived()}); not part of the value. */
    private Object derived;

    private TermCounts(int[] hashes, String[] terms, int[] counts) {
        this.hashes = hashes;
        this.terms = terms;
        this.counts = counts;
    }

    /** The counts of {@code counts} (terms must not be {@code null}). */
    public static TermCounts of(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return EMPTY;
        }
        String[] terms = counts.keySet().toArray(new String[0]);
        Arrays.sort(terms, ORDER);
        int[] hashes = new int[terms.length];
        int[] values = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            hashes[i] = terms[i].hashCode();
            values[i] = counts.get(terms[i]);
        }
        return new TermCounts(hashes, terms, values);
    }

    /**
     * The counts of the first {@code n} terms and counts given, as they are when in this class's order (as {@link
     * #term(int)} lists them), else sorted; a repeated term's counts are then not added up, the last one counts.
     */
    public static TermCounts of(String[] terms, int[] counts, int n) {
        return Reader.fromRead(terms, counts, n);
    }

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** The {@code i}-th term in hash order. */
    public String term(int i) {
        return terms[i];
    }

    /** The count of the {@code i}-th term. */
    public int count(int i) {
        return counts[i];
    }

    /** The hash code of the {@code i}-th term; ascending in {@code i}. */
    public int hash(int i) {
        return hashes[i];
    }

    /**
     * A value its scorer derived from these counts and keeps with them, {@code null} until one is set: the clustering
     * keeps a story vector's weights and norm here, so that scoring a candidate story finds them without a lookup in
     * a cache by story id, and a new version of the vector (a new instance) starts without. Like the hash code a
     * string keeps, it is not part of the value (equality, JSON). Not thread-safe: whoever sets it must be the only
     * one, or set values that are interchangeable.
     */
    public Object derived() {
        return derived;
    }

    /** Keeps {@code value} with these counts (see {@link #derived()}). */
    public void derive(Object value) {
        derived = value;
    }

    /** The position of {@code term}, or {@code -1}. */
    public int indexOf(String term) {
        int hash = term.hashCode();
        return indexOf(term, hash, firstAtLeast(hash));
    }

    /**
     * The position of {@code term}, whose hash code is {@code hash}, or {@code -1}; {@code from} is the first
     * position whose hash is not below it ({@link #seek}).
     */
    public int indexOf(String term, int hash, int from) {
        for (int i = from; i < hashes.length && hashes[i] == hash; i++) {
            if (terms[i].equals(term)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first position from {@code from} on whose hash is not below {@code hash}, walking forward: for a merge with
     * another vector in hash order, where the next term is usually a few positions on.
     */
    public int seek(int hash, int from) {
        int i = from;
        while (i < hashes.length && hashes[i] < hash) {
            i++;
        }
        return i;
    }

    public boolean contains(String term) {
        return indexOf(term) >= 0;
    }

    /** The count of {@code term}, 0 when absent. */
    public int count(String term) {
        int i = indexOf(term);
        return i < 0 ? 0 : counts[i];
    }

    /** False when no term has {@code hash}; true when a term may be the one hashed (a test without the strings). */
    public boolean mayContainHash(int hash) {
        int i = firstAtLeast(hash);
        return i < hashes.length && hashes[i] == hash;
    }

    /**
     * These counts plus {@code added}, keeping at most {@code maxTerms} terms: the most frequent, ties by term (as
     * {@link TopCounts} chooses).
     */
    public TermCounts plus(TermCounts added, int maxTerms) {
        if (added.isEmpty() && size() <= maxTerms) {
            return this;
        }
        int capacity = size() + added.size();
        int[] sumHashes = new int[capacity];
        String[] sumTerms = new String[capacity];
        int[] sumCounts = new int[capacity];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size() || j < added.size()) {
            int order = i == size() ? 1 : j == added.size() ? -1 : compare(i, added, j);
            sumHashes[n] = order <= 0 ? hashes[i] : added.hashes[j];
            sumTerms[n] = order <= 0 ? terms[i] : added.terms[j];
            sumCounts[n] = (order <= 0 ? counts[i++] : 0) + (order >= 0 ? added.counts[j++] : 0);
            n++;
        }
        return n <= maxTerms ? new TermCounts(trim(sumHashes, n), Arrays.copyOf(sumTerms, n), trim(sumCounts, n))
                : bounded(sumHashes, sumTerms, sumCounts, n, maxTerms);
    }

    /** The terms as a map of term to count, in hash order. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            map.put(terms[i], counts[i]);
        }
        return map;
    }

    private int compare(int i, TermCounts other, int j) {
        if (hashes[i] != other.hashes[j]) {
            return hashes[i] < other.hashes[j] ? -1 : 1;
        }
        return terms[i] == other.terms[j] ? 0 : terms[i].compareTo(other.terms[j]);
    }

    /** The first position whose hash is at least {@code hash} (binary search). */
    private int firstAtLeast(int hash) {
        int low = 0;
        int high = hashes.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (hashes[mid] < hash) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static TermCounts bounded(int[] hashes, String[] terms, int[] counts, int size, int maxTerms) {
        boolean[] kept = TopCounts.chosen(terms, counts, size, maxTerms);
        int[] keptHashes = new int[maxTerms];
        String[] keptTerms = new String[maxTerms];
        int[] keptCounts = new int[maxTerms];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (kept[i]) {
                keptHashes[n] = hashes[i];
                keptTerms[n] = terms[i];
                keptCounts[n] = counts[i];
                n++;
            }
        }
        return new TermCounts(trim(keptHashes, n), Arrays.copyOf(keptTerms, n), trim(keptCounts, n));
    }

    private static int[] trim(int[] values, int length) {
        return values.length == length ? values : Arrays.copyOf(values, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TermCounts that && Arrays.equals(terms, that.terms)
                && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Writes the counts as a JSON object of term to count. */
    static final class Writer extends StdSerializer<TermCounts> {

        Writer() {
            super(TermCounts.class);
        }

        @Override
        public void serialize(TermCounts value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(value);
            for (int i = 0; i < value.size(); i++) {
                json.writeFieldName(value.terms[i]);
                json.writeNumber(value.counts[i]);
            }
            json.writeEndObject();
        }
    }

    /**
     * Reads a JSON object of term to count, in any order. What {@link Writer} wrote is already in hash order and is
     * taken as it is; anything else (hand-written, older or reordered JSON, repeated terms) goes through a map and is
     * sorted. Stored story states are read back often (cache misses, expiry), and the map and the sort were most of
     * reading their two vectors.
     */
    static final class Reader extends StdDeserializer<TermCounts> {

        Reader() {
            super(TermCounts.class);
        }

        @Override
        public TermCounts deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() == JsonToken.START_OBJECT) {
                json.nextToken();
            }
            String[] terms = new String[16];
            int[] counts = new int[16];
            int n = 0;
            for (; json.currentToken() == JsonToken.FIELD_NAME; json.nextToken()) {
                if (n == terms.length) {
                    terms = Arrays.copyOf(terms, n * 2);
                    counts = Arrays.copyOf(counts, n * 2);
                }
                terms[n] = json.currentName();
                json.nextToken();
                counts[n++] = json.getIntValue();
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                return (TermCounts) context.handleUnexpectedToken(TermCounts.class, json);
            }
            return fromRead(terms, counts, n);
        }

        /** The counts read, as they are when in strictly ascending order, else through a map. */
        static TermCounts fromRead(String[] terms, int[] counts, int n) {
            if (n == 0) {
                return EMPTY;
            }
            int[] hashes = new int[n];
            for (int i = 0; i < n; i++) {
                hashes[i] = terms[i].hashCode();
                if (i > 0 && (hashes[i - 1] > hashes[i]
                        || hashes[i - 1] == hashes[i] && terms[i - 1].compareTo(terms[i]) >= 0)) {
                    Map<String, Integer> map = new java.util.HashMap<>();
                    for (int j = 0; j < n; j++) {
                        map.put(terms[j], counts[j]);
                    }
                    return of(map);
                }
            }
            return new TermCounts(hashes, Arrays.copyOf(terms, n), Arrays.copyOf(counts, n));
        }

        @Override
        public TermCounts getNullValue(DeserializationContext context) {
            return EMPTY;
        }
    }
}
