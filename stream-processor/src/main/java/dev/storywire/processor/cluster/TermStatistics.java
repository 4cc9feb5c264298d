package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document frequencies of the clustering: the background table blended with live counts kept incrementally in
 * a table ({@link ClusterState#documentFrequencies()}), and the IDF they give ({@link TfIdf#idf}). Each term the
 * clustering meets is looked up once into a {@link Term} that holds its background count, live count and smoothed
 * logarithm together: scoring reads a term's frequency or IDF thousands of times per article, so one lookup serves
 * all three.
 *
 * <p>The IDF is {@code 1 + ln(N + k) - ln(df + k)}: {@link #logCount()} is the first logarithm, recomputed once
 * per counted document, and {@link Term#logFrequency()} the second, recomputed when that term is counted. The
 * clusterer is the table's only writer and a new clusterer is created whenever its task's state is restored, so a
 * loaded term never holds a stale count.
 */
final class TermStatistics implements DocumentFrequencies {

    /**
     * Terms held: the vocabulary of several days of a busy feed with room to spare (about a hundred bytes each). They
     * are held in two generations of at most half as many each: a term met again while in the older one moves to
     * the newer, and when the newer is full the older is dropped, its terms marked {@link Term#retired() retired}
     * so whoever kept one knows to look it up again. So the terms in use stay loaded however many new ones a long
     * run meets (every story brings names), without reading every term in use again.
     */
    static final int MAX_TERMS = 500_000;

    /** The key of the live document count: a key no term can take, the tokenizer never emits control characters. */
    public static final String DOCUMENT_COUNT_KEY = "\u0000documents";

    private final DocumentFrequencies background;
    private final ClusterState.Table<Long> store;
    private Map<String, Term> terms = new HashMap<>();
    private Map<String, Term> older = new HashMap<>();
    /** The live document count, read from the store once ({@code -1} until then). */
    private long liveDocuments = -1;
    private double logCount;

    TermStatistics(DocumentFrequencies background, ClusterState.Table<Long> store) {
        this.background = background;
        this.store = store;
    }

    /** The term's statistics, loaded from the background table and the store on first use. */
    Term term(String text) {
        Term term = terms.get(text);
        if (term == null) {
            term = older.remove(text);
            if (term == null) {
                term = new Term(text.intern(), background.documentFrequency(text), read(text));
            }
            if (terms.size() >= MAX_TERMS / 2) {
                older.values().forEach(Term::retire);
                older = terms;
                terms = new HashMap<>();
            }
            terms.put(text, term);
        }
        return term;
    }

    /**
     * The one instance of {@code text} the statistics hold: the JVM's {@link String#intern() interned} one, which is
     * also what the stories store reads terms as. Keys that are the same object match without a character
     * comparison in every map and vector the term is looked up in, whether it came from an article or a stored story.
     */
    String canonical(String text) {
        return term(text).text();
    }

    /** Background plus live document frequency. */
    @Override
    public long documentFrequency(String term) {
        return term(term).documentFrequency();
    }

    /** Background plus live document count. */
    @Override
    public long documentCount() {
        return background.documentCount() + liveDocuments();
    }

    /** How many documents the live counts hold (only grows). */
    long liveDocuments() {
        if (liveDocuments < 0) {
            liveDocuments = read(DOCUMENT_COUNT_KEY);
            logCount = TfIdf.logSmoothed(documentCount());
        }
        return liveDocuments;
    }

    /** {@code ln(N + k)} of the blended document count {@code N}. */
    double logCount() {
        liveDocuments();
        return logCount;
    }

    /** The IDF of {@code term} with the current counts. */
    double idf(Term term) {
        return 1.0 + logCount() - term.logFrequency();
    }

    /** The IDF of {@code term} with the current counts. */
    double idf(String term) {
        return idf(term(term));
    }

    /**
     * Counts one more document containing each term of {@code counts}. The new counts go to the table in one write:
     * a few dozen per document.
     */
    void addDocument(TermCounts counts) {
        List<Map.Entry<String, Long>> counted = new ArrayList<>(counts.size() + 1);
        counted.add(countDocument());
        for (int i = 0; i < counts.size(); i++) {
            counted.add(countTerm(counts.term(i)));
        }
        store.putAll(counted);
    }

    private Map.Entry<String, Long> countDocument() {
        liveDocuments = liveDocuments() + 1;
        logCount = TfIdf.logSmoothed(documentCount());
        return Map.entry(DOCUMENT_COUNT_KEY, liveDocuments);
    }

    private Map.Entry<String, Long> countTerm(String text) {
        Term term = term(text);
        term.count();
        return Map.entry(term.text(), term.live);
    }

    private long read(String key) {
        Long value = store.get(key);
        return value == null ? 0L : value;
    }

    /** One term's counts. Mutable: the live count grows with every document counted that contains the term. */
    static final class Term {

        private final String text;
        private final long background;
        private long live;
        private double logFrequency;
        private boolean retired;

        Term(String text, long background, long live) {
            this.text = text;
            this.background = background;
            this.live = live;
            this.logFrequency = TfIdf.logSmoothed(background + live);
        }

        String text() {
            return text;
        }

        /** Documents of the live counts that contain the term. */
        long live() {
            return live;
        }

        /** Whether a live document contains the term: only then can a story's postings hold it. */
        boolean counted() {
            return live > 0;
        }

        /** Background plus live documents that contain the term. */
        long documentFrequency() {
            return background + live;
        }

        /** {@code ln(df + k)}: the per-term part of the IDF. */
        double logFrequency() {
            return logFrequency;
        }

        /** Whether the statistics no longer hold this object, so its counts no longer change: look it up again. */
        boolean retired() {
            return retired;
        }

        private void count() {
            live++;
            logFrequency = TfIdf.logSmoothed(background + live);
        }

        private void retire() {
            retired = true;
        }
    }
}
