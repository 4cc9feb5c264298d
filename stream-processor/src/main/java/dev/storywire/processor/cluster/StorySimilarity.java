package dev.storywire.processor.cluster;

import dev.storywire.processor.cluster.TermStatistics.Term;
import dev.storywire.processor.text.TfIdf;
import java.util.Map;

/**
 * Text similarity of an article (or related item, or story) to candidate stories: the title-only TF-IDF cosine and
 * the title-and-excerpt cosine, mixed by a title share (see {@link TfIdf} for the weights).
 *
 * <p>Scoring an article against its candidates is the clustering's inner loop, so the work per candidate is kept
 * to the article's own terms: the article's weights and norm are computed once ({@link #query}), the dot product
 * looks up only the article's terms in the story, and the story's norm (a sum over its up to 200 terms) is cached
 * per story. A cached norm is reused while the story's term vectors are the same objects and the live document
 * count has grown by at most {@value #NORM_REFRESH_PERCENT}% since it was computed; the dot product always uses
 * the current weights. So in small runs every score is exact, and in long ones a story's norm lags the live
 * counts by at most that share of the corpus (a story that changes gets a fresh norm at once). A story's terms are
 * looked up in the {@link TermStatistics} once per version of its vectors: a refresh reads the counts through the
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
        boolean sameVectors = cached != null && cached.terms() == story.terms()
                && cached.titleTerms() == story.titleTerms();
        if (sameVectors && (documents - cached.documents()) * 100 <= cached.documents() * NORM_REFRESH_PERCENT) {
            return cached;
        }
        // Same vectors, counts moved on: read the counts through the terms kept, unless the statistics started over.
        boolean termsCurrent = sameVectors && cached.full().current() && cached.title().current();
        StoryTerms full = termsCurrent ? cached.full() : StoryTerms.of(story.terms(), statistics);
        StoryTerms title = termsCurrent ? cached.title() : StoryTerms.of(story.titleTerms(), statistics);
        Norms next = new Norms(story.terms(), story.titleTerms(), documents, full, title, full.norm(statistics),
                title.norm(statistics));
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
     * A text's terms with their IDF and TF-IDF weights, and the vector's norm. The IDF is kept per term because the
     * story side of every dot product needs the same term's IDF again: it is looked up once per query, not once per
     * candidate (IDF memo lookups were the clustering's largest hot spot).
     */
    record Weighted(String[] terms, double[] idfs, double[] weights, double norm) {

        static Weighted of(Map<String, Integer> counts, TermStatistics statistics) {
            String[] terms = new String[counts.size()];
            double[] idfs = new double[counts.size()];
            double[] weights = new double[counts.size()];
            double sum = 0.0;
            int i = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                terms[i] = e.getKey();
                idfs[i] = statistics.idf(e.getKey());
                weights[i] = TfIdf.weight(e.getValue(), idfs[i]);
                sum += weights[i] * weights[i];
                i++;
            }
            return new Weighted(terms, idfs, weights, Math.sqrt(sum));
        }

        /** Cosine against raw story counts whose weighted norm is {@code storyNorm}; 0 when either is empty. */
        double cosine(Map<String, Integer> storyCounts, double storyNorm) {
            if (terms.length == 0 || storyNorm == 0.0) {
                return 0.0;
            }
            double dot = 0.0;
            for (int i = 0; i < terms.length; i++) {
                Integer count = storyCounts.get(terms[i]);
                if (count != null) {
                    dot += weights[i] * TfIdf.weight(count, idfs[i]);
                }
            }
            return dot == 0.0 ? 0.0 : dot / (norm * storyNorm);
        }
    }

    /**
     * A story vector's terms as looked up in the statistics, with their sublinear term frequencies, so its norm
     * can be computed again without a lookup while none of the terms has been retired.
     */
    private record StoryTerms(Term[] terms, double[] frequencies) {

        static StoryTerms of(Map<String, Integer> counts, TermStatistics statistics) {
            Term[] terms = new Term[counts.size()];
            double[] frequencies = new double[counts.size()];
            int i = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                terms[i] = statistics.term(e.getKey());
                frequencies[i] = TfIdf.weight(e.getValue(), 1.0);
                i++;
            }
            return new StoryTerms(terms, frequencies);
        }

        /** Whether every term still gets its counts updated. */
        boolean current() {
            for (Term term : terms) {
                if (term.retired()) {
                    return false;
                }
            }
            return true;
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
    private record Norms(Map<String, Integer> terms, Map<String, Integer> titleTerms, long documents,
            StoryTerms full, StoryTerms title, double fullNorm, double titleNorm) {
    }
}
