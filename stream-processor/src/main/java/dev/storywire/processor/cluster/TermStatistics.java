package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of the clustering: the background table blended with live counts, and the IDF they give
 * ({@link TfIdf#idf}). The live counts cover the documents the clustering holds: the stored payload of every feed
 * article placed as {@code primary}, counted when it is stored and uncounted when it changes or its story expires
 * (syndicated copies and related items do not count). They are derived state, held in memory and counted again from
 * the stored payloads when the processor starts, like the term index: keeping them in a store had written a record
 * for every new term of every commit, most of the clustering's state records, and the store grew with every term
 * ever met.
 *
 * <p>Each term the clustering meets is looked up once into a {@link Term} that holds its background count, live
 * count and smoothed logarithm together: scoring reads a term's frequency or IDF thousands of times per article, and
 * separate maps for the live counts, the blend and the IDF had made those lookups the clustering's largest cost.
 * The IDF is {@code 1 + ln(N + k) - ln(df + k)}: {@link #logCount()} is the first logarithm, recomputed once per
 * counted document, and {@link Term#logFrequency()} the second, recomputed when that term is counted.
 */
final class TermStatistics implements DocumentFrequencies {

    /**
     * Terms no live document contains that are held (about a hundred bytes each): looked up for scoring, they are
     * background counts only. They are held in two generations of at most half as many each: a term met again while
     * in the older one moves to the newer, and when the newer is full the older is dropped, its terms marked
     * {@link Term#retired() retired} so whoever kept one knows to look it up again. Terms a live document contains
     * are never dropped (their count exists nowhere else); they are bounded by the vocabulary of the live stories.
     */
    static final int MAX_TERMS = 500_000;

    private final DocumentFrequencies background;
    private Map<String, Term> terms = new HashMap<>();
    private Map<String, Term> older = new HashMap<>();
    private long liveDocuments;
    /** Documents counted or uncounted so far (only grows): how far the counts moved since a weighing. */
    private long documentChanges;
    private double logCount;

    TermStatistics(DocumentFrequencies background) {
        this.background = background;
        this.logCount = TfIdf.logSmoothed(documentCount());
    }

    /** The term's statistics, the background count looked up on first use. */
    Term term(String text) {
        Term term = terms.get(text);
        if (term == null) {
            term = older.remove(text);
            if (term == null) {
                term = new Term(text, background.documentFrequency(text));
            }
            if (terms.size() >= MAX_TERMS / 2) {
                startGeneration();
            }
            terms.put(text, term);
        }
        return term;
    }

    /** Drops the older generation but for the terms live documents contain, which move into the newer. */
    private void startGeneration() {
        for (Term kept : older.values()) {
            if (kept.counted()) {
                terms.putIfAbsent(kept.text(), kept);
            } else {
                kept.retire();
            }
        }
        older = terms;
        terms = new HashMap<>();
    }

    /**
     * The one instance of {@code text} the statistics hold (the first one met). Keys that are the same object match
     * without a character comparison in every map the term is looked up in.
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
        return background.documentCount() + liveDocuments;
    }

    /** How many documents the live counts hold. */
    long liveDocuments() {
        return liveDocuments;
    }

    /** How many times a document was counted or uncounted so far (only grows). */
    long documentChanges() {
        return documentChanges;
    }

    /** {@code ln(N + k)} of the blended document count {@code N}. */
    double logCount() {
        return logCount;
    }

    /** The IDF of {@code term} with the current counts. */
    double idf(Term term) {
        return 1.0 + logCount - term.logFrequency();
    }

    /** The IDF of {@code term} with the current counts. */
    double idf(String term) {
        return idf(term(term));
    }

    /** Counts one more document containing each of {@code distinctTerms}. */
    void addDocument(Collection<String> distinctTerms) {
        countDocuments(1);
        distinctTerms.forEach(text -> term(text).count(1));
    }

    /** Counts one more document containing each term of {@code counts}. */
    void addDocument(TermCounts counts) {
        countDocuments(1);
        for (int i = 0; i < counts.size(); i++) {
            term(counts.term(i)).count(1);
        }
    }

    /** Uncounts a document {@link #addDocument(TermCounts) counted} with the same terms. */
    void removeDocument(TermCounts counts) {
        countDocuments(-1);
        for (int i = 0; i < counts.size(); i++) {
            term(counts.term(i)).count(-1);
        }
    }

    private void countDocuments(int change) {
        liveDocuments += change;
        documentChanges++;
        logCount = TfIdf.logSmoothed(documentCount());
    }

    /** One term's counts. Mutable: the live count follows the live documents that contain the term. */
    static final class Term {

        private final String text;
        private final long background;
        private long live;
        private double logFrequency;
        private boolean retired;

        Term(String text, long background) {
            this.text = text;
            this.background = background;
            this.logFrequency = TfIdf.logSmoothed(background);
        }

        String text() {
            return text;
        }

        /** Documents of the live counts that contain the term. */
        long live() {
            return live;
        }

        /**
         * Whether a live document contains the term. A story's postings hold only terms of texts it took in, so
         * queries skip terms no live document contains (those of related members only are skipped too).
         */
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

        private void count(int change) {
            live += change;
            logFrequency = TfIdf.logSmoothed(background + live);
        }

        private void retire() {
            retired = true;
        }
    }
}
