package dev.storywire.processor.cluster;

import dev.storywire.processor.cluster.TermStatistics.Term;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text similarity of an article (or related item, or story) to candidate stories: the title-only TF-IDF cosine and
 * the title-and-excerpt cosine, mixed by a title share (see {@link TfIdf} for the weights).
 *
 * <p>Scoring an article against its candidates is the clustering's inner loop, so the work per candidate is kept
 * to the article's own terms: the article's weights and norm are computed once ({@link #query}), the dot product
 * walks the article's and the story's terms in one pass (both in hash order, {@link TermCounts}), and the story's
 * weights and norm are kept with the story's vector ({@link TermCounts#derived()}), so scoring a candidate looks
 * nothing up. A story that changes is weighed again at once; one that does not, once the live document count has
 * grown by {@value #NORM_REFRESH_PERCENT}% since. The dot product always uses the current weights of the article's
 * terms. So in small runs every score is exact, and in long ones a story's norm lags the live counts by at most that
 * share of the corpus.
 */
final class StorySimilarity {

    /** How far (percent of live documents) the corpus may grow before a cached story norm is computed again. */
    static final long NORM_REFRESH_PERCENT = 5;

    private final TermStatistics statistics;
    private final double titleShare;
    /** The latest weighed terms by story id: a new version of a vector reuses what did not change. */
    private final Map<String, Versions> versions;

    /**
     * @param statistics the document frequencies the weights come from
     * @param titleShare share of the title-only cosine in the similarity
     * @param maxStories stories whose latest weighed terms are kept to grow their next version from (least recently
     *     used leave)
     */
    StorySimilarity(TermStatistics statistics, double titleShare, int maxStories) {
        this.statistics = statistics;
        this.titleShare = titleShare;
        this.versions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Versions> eldest) {
                return size() > maxStories;
            }
        };
    }

    /** The weighted vectors of a text, to score against any number of stories while the counts stay the same. */
    Query query(ArticleText text) {
        return new Query(Weighted.of(text.vector(), lookUp(text.vector(), null), statistics),
                Weighted.of(text.titleVector(), lookUp(text.titleVector(), null), statistics));
    }

    /** The weighted vectors of a story's text, to score it against other stories. */
    Query query(StoryState story) {
        return query(story, terms(story.storyId(), story.terms(), false));
    }

    /** As {@link #query(StoryState)}, with the term objects ({@link #terms}) of its title-and-excerpt vector at hand. */
    Query query(StoryState story, Term[] fullTerms) {
        Term[] titleTerms = terms(story.storyId(), story.titleTerms(), true);
        return new Query(Weighted.of(story.terms(), fullTerms, statistics),
                Weighted.of(story.titleTerms(), titleTerms, statistics));
    }

    /**
     * The statistics' term objects of one of a story's vectors that has not been weighed yet (a story grown by an
     * article), in its order: those of the story's latest weighed version where still current, the others looked
     * up. A grown story's terms so cost a walk of two sorted arrays rather than a lookup per term.
     */
    Term[] terms(String storyId, TermCounts counts, boolean title) {
        Versions previous = versions.get(storyId);
        return lookUp(counts, previous == null ? null : previous.of(title));
    }

    /** The term objects of {@code counts}: those of {@code previous} where it has the term and it is current. */
    private Term[] lookUp(TermCounts counts, StoryTerms previous) {
        Term[] terms = new Term[counts.size()];
        int j = 0;
        for (int i = 0; i < counts.size(); i++) {
            int at = -1;
            if (previous != null) {
                j = previous.counts().seek(counts.hash(i), j);
                at = previous.counts().indexOf(counts.term(i), counts.hash(i), j);
            }
            Term kept = at >= 0 ? previous.terms()[at] : null;
            terms[i] = kept != null && !kept.retired() ? kept : statistics.term(counts.term(i));
        }
        return terms;
    }

    /** The similarity of the query's text to {@code story}, between 0 and 1. */
    double score(Query query, StoryState story) {
        double title = titleShare == 0.0 ? 0.0
                : query.title().cosine(story.titleTerms(), weighed(story.storyId(), story.titleTerms(), true).norm());
        return titleShare * title + (1.0 - titleShare)
                * query.full().cosine(story.terms(), weighed(story.storyId(), story.terms(), false).norm());
    }

    /**
     * The weighed terms of one of the story's vectors: those kept with the vector ({@link TermCounts#derived()})
     * while fresh; else grown from the story's previous version, or refreshed.
     */
    private StoryTerms weighed(String storyId, TermCounts counts, boolean title) {
        long documents = statistics.liveDocuments();
        StoryTerms kept = counts.derived() instanceof StoryTerms terms ? terms : null;
        boolean stale = kept != null && (documents - kept.weighedAt()) * 100 > kept.weighedAt() * NORM_REFRESH_PERCENT;
        if (kept != null && !stale) {
            return kept;
        }
        Versions previous = versions.get(storyId);
        StoryTerms next = stale ? kept.refreshed(statistics, documents)
                : StoryTerms.of(counts, lookUp(counts, previous == null ? null : previous.of(title)), statistics,
                        documents);
        counts.derive(next);
        versions.put(storyId, previous == null ? Versions.of(next, title) : previous.with(next, title));
        return next;
    }

    /** Forgets a story's weighed terms (it was merged away or expired). */
    void forget(String storyId) {
        versions.remove(storyId);
    }

    /** A text's weighted title-and-excerpt and title vectors. */
    record Query(Weighted full, Weighted title) {
    }

    /**
     * A text's terms with their IDF and TF-IDF weights, in the order of its {@link TermCounts}, and the vector's norm.
     * The IDF is kept per term because the story side of every dot product needs the same term's IDF again: it is
     * looked up once per query, not once per candidate.
     */
    record Weighted(TermCounts counts, double[] idfs, double[] weights, double norm) {

        static Weighted of(TermCounts counts, Term[] terms, TermStatistics statistics) {
            double[] idfs = new double[counts.size()];
            double[] weights = new double[counts.size()];
            double sum = 0.0;
            for (int i = 0; i < counts.size(); i++) {
                idfs[i] = statistics.idf(terms[i]);
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
                j = story.seek(hash, j);
                int at = story.indexOf(counts.term(i), hash, j);
                if (at >= 0) {
                    dot += weights[i] * TfIdf.weight(story.count(at), idfs[i]);
                }
            }
            return dot == 0.0 ? 0.0 : dot / (norm * storyNorm);
        }
    }

    /**
     * A story vector's terms as looked up in the statistics, and its TF-IDF norm, so that scoring against the story
     * reads a number. A new version of the vector is weighed in full with the current counts, but the terms it
     * already had are taken from its previous version rather than looked up again (a story takes in a few terms per
     * article).
     */
    private record StoryTerms(TermCounts counts, Term[] terms, long weighedAt, double norm) {

        static StoryTerms of(TermCounts counts, Term[] terms, TermStatistics statistics, long documents) {
            double sum = 0.0;
            for (int i = 0; i < counts.size(); i++) {
                double weight = TfIdf.weight(counts.count(i), statistics.idf(terms[i]));
                sum += weight * weight;
            }
            return new StoryTerms(counts, terms, documents, Math.sqrt(sum));
        }

        /**
         * The norm computed again with the current counts, terms the statistics {@link Term#retired() retired}
         * looked up again. A story's norm is refreshed as the corpus grows (every
         * {@value StorySimilarity#NORM_REFRESH_PERCENT} %), about once per article for some story.
         */
        StoryTerms refreshed(TermStatistics statistics, long documents) {
            Term[] current = terms;
            double sum = 0.0;
            for (int i = 0; i < terms.length; i++) {
                if (current[i].retired()) {
                    current = current == terms ? terms.clone() : current;
                    current[i] = statistics.term(counts.term(i));
                }
                double weight = TfIdf.weight(counts.count(i), statistics.idf(current[i]));
                sum += weight * weight;
            }
            return new StoryTerms(counts, current, documents, Math.sqrt(sum));
        }
    }

    /** The latest weighed terms of a story's two vectors, to grow the next version from. */
    private record Versions(StoryTerms full, StoryTerms title) {

        static Versions of(StoryTerms terms, boolean title) {
            return title ? new Versions(null, terms) : new Versions(terms, null);
        }

        StoryTerms of(boolean title) {
            return title ? this.title : full;
        }

        Versions with(StoryTerms terms, boolean title) {
            return title ? new Versions(full, terms) : new Versions(terms, this.title);
        }
    }
}
