package dev.storywire.processor.cluster;

import dev.storywire.processor.cluster.TermStatistics.Term;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;

/**
 * Text similarity of an article (or related item, or story) to candidate stories: the title-only TF-IDF cosine and
 * the title-and-excerpt cosine, mixed by a title share (see {@link TfIdf} for the weights).
 *
 * <p>Scoring an article against its candidates is the clustering's inner loop, so the work per candidate is kept
 * to the article's own terms: the article's weights and norm are computed once ({@link #query}), the dot product
 * walks the article's and the story's terms in one pass (both in hash order, {@link TermCounts}), and the story's
 * norm (a sum over its up to 200 terms) is cached per story. A cached norm is reused while the story's term vectors are the same objects and the live document
 * count has grown by at most {@value #NORM_REFRESH_PERCENT}% since it was computed; the dot product always uses
 * the current weights. So in small runs every score is exact, and in long ones a story's norm lags the live
 * counts by at most that share of the corpus (a story that changes gets a fresh norm at once). Only the terms new in
 * a version of a story's vectors are looked up in the {@link TermStatistics}: a refresh reads the counts through the
 * terms it kept.
 */
final class StorySimilarity {

    /** How far (percent of live documents) the corpus may grow before a cached story norm is computed again. */
    static final long NORM_REFRESH_PERCENT = 5;

    private final TermStatistics statistics;
    private final double titleShare;
    private final RecentlyUsedCache<String, Norms> norms;

    /**
     * @param statistics the document frequencies the weights come from
     * @param titleShare share of the title-only cosine in the similarity
     * @param maxCachedNorms story norms kept (least recently used leave)
     */
    StorySimilarity(TermStatistics statistics, double titleShare, int maxCachedNorms) {
        this.statistics = statistics;
        this.titleShare = titleShare;
        this.norms = new RecentlyUsedCache<>(maxCachedNorms);
    }

    /** The weighted vectors of a text, to score against any number of stories while the counts stay the same. */
    Query query(ArticleText text) {
        return new Query(Weighted.of(text.vector(), statistics), Weighted.of(text.titleVector(), statistics));
    }

    /** The similarity of the query's text to {@code story}, between 0 and 1. */
    double score(Query query, StoryState story) {
        Norms storyNorms = normsOf(story);
        double title = titleShare == 0.0 ? 0.0
                : query.title().cosine(story.titleTerms(), storyNorms.titleNorm());
        return titleShare * title + (1.0 - titleShare) * query.full().cosine(story.terms(), storyNorms.fullNorm());
    }

    private Norms normsOf(StoryState story) {
        long documents = statistics.liveDocuments();
        Norms cached = norms.get(story.storyId());
        boolean sameVectors = cached != null && cached.full().counts() == story.terms()
                && cached.title().counts() == story.titleTerms();
        if (sameVectors && (documents - cached.documents()) * 100 <= cached.documents() * NORM_REFRESH_PERCENT) {
            return cached;
        }
        StoryTerms full = StoryTerms.of(story.terms(), cached == null ? null : cached.full(), statistics);
        StoryTerms title = StoryTerms.of(story.titleTerms(), cached == null ? null : cached.title(), statistics);
        Norms next = new Norms(documents, full, title, full.norm(statistics), title.norm(statistics));
        norms.put(story.storyId(), next);
        return next;
    }

    /** Forgets a story's cached norms (it was merged away or expired). */
    void forget(String storyId) {
        norms.remove(storyId);
    }

    /** A text's weighted title-and-excerpt and title vectors. */
    record Query(Weighted full, Weighted title) {
    }

    /**
     * A text's terms with their IDF and TF-IDF weights, in the order of its {@link TermCounts}, and the vector's norm.
     * The IDF is kept per term because the story side of every dot product needs the same term's IDF again: it is
     * looked up once per query, not once per candidate (IDF memo lookups were the clustering's largest hot spot).
     */
    record Weighted(TermCounts counts, double[] idfs, double[] weights, double norm) {

        static Weighted of(TermCounts counts, TermStatistics statistics) {
            double[] idfs = new double[counts.size()];
            double[] weights = new double[counts.size()];
            double sum = 0.0;
            for (int i = 0; i < counts.size(); i++) {
                idfs[i] = statistics.idf(counts.term(i));
                weights[i] = TfIdf.weight(counts.count(i), idfs[i]);
                sum += weights[i] * weights[i];
            }
            return new Weighted(counts, idfs, weights, Math.sqrt(sum));
        }

        /**
         * Cosine against raw story counts whose weighted norm is {@code storyNorm}; 0 when either is empty. Both
         * vectors are in hash order, so the story's terms are walked once, not looked up one by one.
         */
        double cosine(TermCounts story, double storyNorm) {
            if (counts.isEmpty() || storyNorm == 0.0) {
                return 0.0;
            }
            double dot = 0.0;
            int j = 0;
            for (int i = 0; i < counts.size() && j < story.size(); i++) {
                int hash = counts.hash(i);
                while (j < story.size() && story.hash(j) < hash) {
                    j++;
                }
                int at = sameTermFrom(story, j, counts.term(i), hash);
                if (at >= 0) {
                    dot += weights[i] * TfIdf.weight(story.count(at), idfs[i]);
                }
            }
            return dot == 0.0 ? 0.0 : dot / (norm * storyNorm);
        }
    }

    /**
     * The position of {@code term} among the terms of {@code counts} from {@code from} on that have its hash, or
     * {@code -1}: {@code from} is the first position whose hash is not below it.
     */
    private static int sameTermFrom(TermCounts counts, int from, String term, int hash) {
        for (int k = from; k < counts.size() && counts.hash(k) == hash; k++) {
            if (counts.term(k).equals(term)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A story vector's terms as looked up in the statistics, with their sublinear term frequencies, so that its norm
     * can be computed again without a lookup. When the story grows, the terms it already had are taken from its
     * previous version instead of being looked up again (a story takes in a few dozen terms per article and has up to
     * a couple of hundred); only terms the statistics have {@link Term#retired() retired} are looked up again.
     */
    private record StoryTerms(TermCounts counts, Term[] terms, double[] frequencies) {

        static StoryTerms of(TermCounts counts, StoryTerms previous, TermStatistics statistics) {
            if (previous != null && previous.counts() == counts) {
                return previous.withoutRetired(statistics);
            }
            Term[] terms = new Term[counts.size()];
            double[] frequencies = new double[counts.size()];
            int j = 0;
            for (int i = 0; i < counts.size(); i++) {
                int at = -1;
                if (previous != null) {
                    TermCounts old = previous.counts();
                    while (j < old.size() && old.hash(j) < counts.hash(i)) {
                        j++;
                    }
                    at = sameTermFrom(old, j, counts.term(i), counts.hash(i));
                }
                Term kept = at >= 0 ? previous.terms()[at] : null;
                terms[i] = kept != null && !kept.retired() ? kept : statistics.term(counts.term(i));
                frequencies[i] = at >= 0 && previous.counts().count(at) == counts.count(i)
                        ? previous.frequencies()[at] : TfIdf.weight(counts.count(i), 1.0);
            }
            return new StoryTerms(counts, terms, frequencies);
        }

        /**
         * These terms with those the statistics retired looked up again; {@code this} when none was. A story's norm
         * is refreshed as the corpus grows (every {@value StorySimilarity#NORM_REFRESH_PERCENT} %), about once per article for
         * some story: the refresh reads the terms it kept and does not walk the vector again.
         */
        StoryTerms withoutRetired(TermStatistics statistics) {
            Term[] current = null;
            for (int i = 0; i < terms.length; i++) {
                if (terms[i].retired()) {
                    current = current == null ? terms.clone() : current;
                    current[i] = statistics.term(counts.term(i));
                }
            }
            return current == null ? this : new StoryTerms(counts, current, frequencies);
        }

        /** The norm of the TF-IDF weighted vector with the current counts. */
        double norm(TermStatistics statistics) {
            double sum = 0.0;
            for (int i = 0; i < terms.length; i++) {
                double w = frequencies[i] * statistics.idf(terms[i]);
                sum += w * w;
            }
            return Math.sqrt(sum);
        }
    }

    /** A story's cached norms and what they were computed from. */
    private record Norms(long documents, StoryTerms full, StoryTerms title, double fullNorm, double titleNorm) {
    }
}
