package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.RelatedItem;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.RecordPosition;
import dev.storywire.processor.text.TermVector;
import dev.storywire.processor.text.TfIdf;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online, single-pass story clustering over the deduped articles, on a single partition (it needs the global
 * view). For each article:
 * <ol>
 *   <li>candidate stories come from indexes only: the stories of its related items, the stories of earlier
 *       articles that listed it, and the stories sharing its rarest terms (inverted index, bounded postings);</li>
 *   <li>each candidate is scored by the TF-IDF cosine of the article's title and excerpt against the story's term
 *       vector, plus {@link ProcessorConfig#linkBonus()} when a related link joins them in either direction; a
 *       candidate needs {@link ProcessorConfig#minTextSimilarity()} even with a link, must lie within
 *       {@link ProcessorConfig#maxEventTimeDistance()} of the story's time range, and must score at least
 *       {@link ProcessorConfig#joinThreshold()};</li>
 *   <li>the article joins the best candidate or opens a story {@link StoryIds#forFoundingArticle(String)};</li>
 *   <li>its related items similar enough to the story become members with role {@code related}, unless they are
 *       already known (a feed article is {@code primary} in whatever story it joins);</li>
 *   <li>it is emitted with its related coverage resolved, with the changed stories, and earlier articles whose
 *       related coverage it resolves are emitted again.</li>
 * </ol>
 * Updates of an already clustered article keep its story. Stories not updated for
 * {@link ProcessorConfig#storyRetention()} of stream time leave the term index.
 */
public final class ClusteringProcessor implements Processor<String, Article, String, ClusterOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteringProcessor.class);
    /** Earlier articles remembered per related id: enough for real related lists, bounded against hubs. */
    private static final int MAX_LISTERS = 64;
    /** Term-index candidates scored per article: the stories sharing the most query terms. */
    private static final int MAX_TERM_CANDIDATES = 32;
    /** How often (stream time) expired stories are taken out of the term index. */
    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final ProcessorConfig config;
    private ProcessorContext<String, ClusterOutput> context;
    private KeyValueStore<String, ArticleAssignment> articleStories;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, Article> articles;
    private KeyValueStore<String, IdList> relatedIndex;
    private KeyValueStore<String, IdList> termIndex;
    private KeyValueStore<String, String> storyExpiry;
    private StoreDocumentFrequencies frequencies;

    public ClusteringProcessor(ProcessorConfig config) {
        this.config = config;
    }

    /** The supplier to hand to {@code KStream#process}; it connects the stores itself. */
    public static ProcessorSupplier<String, Article, String, ClusterOutput> supplier(ProcessorConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, ClusterOutput> get() {
                return new ClusteringProcessor(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return ClusteringStores.builders();
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ClusterOutput> context) {
        this.context = context;
        this.articleStories = context.getStateStore(ClusteringStores.ARTICLE_STORIES);
        this.stories = context.getStateStore(ClusteringStores.STORIES);
        this.articles = context.getStateStore(ClusteringStores.ARTICLES);
        this.relatedIndex = context.getStateStore(ClusteringStores.RELATED_INDEX);
        this.termIndex = context.getStateStore(ClusteringStores.TERM_INDEX);
        this.storyExpiry = context.getStateStore(ClusteringStores.STORY_EXPIRY);
        this.frequencies = new StoreDocumentFrequencies(context.getStateStore(ClusteringStores.DOCUMENT_FREQUENCIES));
        context.schedule(EXPIRY_INTERVAL, PunctuationType.STREAM_TIME, this::expireStories);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String id = record.key();
        if (article == null || id == null) {
            LOG.warn("Skipping record without key or value at {}: key '{}'", RecordPosition.of(context), id);
            return;
        }
        frequencies.clearCache();
        Instant eventTime = eventTime(article, record.timestamp());
        Map<String, StoryState> touched = new LinkedHashMap<>();
        Set<String> resolvedNow = new LinkedHashSet<>();

        ArticleAssignment prior = articleStories.get(id);
        StoryState story;
        if (prior != null && prior.role() == Role.PRIMARY && stories.get(prior.storyId()) != null) {
            story = stories.get(prior.storyId()).withMember(primaryMember(id, article, eventTime));
            LOG.debug("Updated article '{}' at {} stays in story {}", id, RecordPosition.of(context), story.storyId());
        } else {
            story = placeNewArticle(id, article, eventTime, prior, touched);
            articleStories.put(id, new ArticleAssignment(story.storyId(), Role.PRIMARY));
            resolvedNow.add(id);
        }
        story = story.withTopics(article.topics());
        articles.put(id, article);
        story = addRelatedItems(id, article, story, resolvedNow);
        touched.put(story.storyId(), story);

        Map<String, StoryState> saved = new LinkedHashMap<>();
        touched.forEach((storyId, state) -> saved.put(storyId, save(state, eventTime)));
        forwardArticle(id, article, story.storyId(), record.timestamp());
        saved.values().forEach(s -> context.forward(
                new Record<>(s.storyId(), ClusterOutput.of(s.toStory()), record.timestamp())));
        reemitListers(id, resolvedNow, record.timestamp());
    }

    private StoryState placeNewArticle(String id, Article article, Instant eventTime, ArticleAssignment prior,
            Map<String, StoryState> touched) {
        boolean newDocument = prior == null && relatedIndex.get(id) == null;
        Map<String, Integer> vector = TermVector.of(article.title(), article.excerpt(), config.titleWeight());
        Map<String, Integer> titleVector = TermVector.of(article.title(), null, 1);
        Optional<Candidate> best = bestCandidate(id, article, vector, titleVector, eventTime, prior);
        if (newDocument) {
            frequencies.addDocument(vector.keySet());
        }
        StoryState story;
        if (best.isPresent()) {
            story = stories.get(best.get().storyId());
            LOG.debug("Article '{}' at {} joins story {} ({})", id, RecordPosition.of(context), story.storyId(),
                    best.get());
        } else {
            String storyId = StoryIds.forFoundingArticle(id);
            StoryState existing = stories.get(storyId);
            story = existing != null ? existing : StoryState.open(storyId);
            LOG.debug("Article '{}' at {} opens story {}", id, RecordPosition.of(context), storyId);
        }
        if (prior != null && !prior.storyId().equals(story.storyId())) {
            StoryState previous = stories.get(prior.storyId());
            if (previous != null) {
                touched.put(previous.storyId(), previous.withoutMember(id));
            }
        }
        return story.withMember(primaryMember(id, article, eventTime))
                .withTerms(TermVector.plus(story.terms(), vector, config.maxStoryTerms()))
                .withTitleTerms(TermVector.plus(story.titleTerms(), titleVector, config.maxStoryTerms()));
    }

    private Optional<Candidate> bestCandidate(String id, Article article, Map<String, Integer> vector,
            Map<String, Integer> titleVector, Instant eventTime, ArticleAssignment prior) {
        Set<String> linked = linkedStories(id, article, prior);
        Set<String> candidates = new LinkedHashSet<>(linked);
        candidates.addAll(termCandidates(vector));
        Candidate best = null;
        for (String storyId : candidates) {
            StoryState state = stories.get(storyId);
            if (state == null) {
                continue;
            }
            long distance = state.distanceMillis(eventTime);
            if (distance > config.maxEventTimeDistance().toMillis()) {
                LOG.debug("Article '{}' ({}) too far from story {} ({} ms)", id, eventTime, storyId, distance);
                continue;
            }
            double cosine = similarity(vector, titleVector, state);
            boolean link = linked.contains(storyId);
            Candidate candidate = new Candidate(storyId, cosine, link, cosine + (link ? config.linkBonus() : 0.0));
            LOG.trace("Article '{}' against {}", id, candidate);
            if (cosine >= config.minTextSimilarity() && candidate.score() >= config.joinThreshold()
                    && (best == null || candidate.score() > best.score())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Text similarity of an article (or related item) to a story: the title-only TF-IDF cosine and the
     * title-and-excerpt cosine, mixed by {@link ProcessorConfig#titleSimilarityShare()}.
     */
    private double similarity(Map<String, Integer> vector, Map<String, Integer> titleVector, StoryState story) {
        double share = config.titleSimilarityShare();
        double title = share == 0.0 ? 0.0 : TfIdf.cosine(titleVector, story.titleTerms(), frequencies);
        return share * title + (1.0 - share) * TfIdf.cosine(vector, story.terms(), frequencies);
    }

    /** Stories linked to the article by a related link in either direction. */
    private Set<String> linkedStories(String id, Article article, ArticleAssignment prior) {
        Set<String> linked = new LinkedHashSet<>();
        if (prior != null) {
            linked.add(prior.storyId());
        }
        for (RelatedItem item : article.related()) {
            String relatedId = relatedId(item);
            if (relatedId != null && !relatedId.equals(id)) {
                Optional.ofNullable(articleStories.get(relatedId)).ifPresent(a -> linked.add(a.storyId()));
            }
        }
        IdList listers = relatedIndex.get(id);
        if (listers != null) {
            for (String lister : listers.ids()) {
                Optional.ofNullable(articleStories.get(lister)).ifPresent(a -> linked.add(a.storyId()));
            }
        }
        return linked;
    }

    /** Stories sharing the article's rarest known terms, those sharing most of them first. */
    private List<String> termCandidates(Map<String, Integer> vector) {
        List<String> queryTerms = vector.keySet().stream()
                .filter(term -> frequencies.documentFrequency(term) > 0)
                .sorted(Comparator.comparingLong(frequencies::documentFrequency).thenComparing(t -> t))
                .limit(config.maxQueryTerms())
                .toList();
        Map<String, Integer> hits = new HashMap<>();
        for (String term : queryTerms) {
            IdList postings = termIndex.get(term);
            if (postings != null) {
                postings.ids().forEach(storyId -> hits.merge(storyId, 1, Integer::sum));
            }
        }
        return hits.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_TERM_CANDIDATES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private StoryState addRelatedItems(String id, Article article, StoryState story, Set<String> resolvedNow) {
        StoryState result = story;
        for (RelatedItem item : article.related()) {
            String relatedId = relatedId(item);
            if (relatedId == null || relatedId.equals(id)) {
                continue;
            }
            IdList listers = relatedIndex.get(relatedId);
            ArticleAssignment assigned = articleStories.get(relatedId);
            Map<String, Integer> itemVector = TermVector.of(item.title(), item.excerpt(), config.titleWeight());
            Map<String, Integer> itemTitleVector = TermVector.of(item.title(), null, 1);
            if (listers == null && assigned == null) {
                frequencies.addDocument(itemVector.keySet());
            }
            relatedIndex.put(relatedId, (listers == null ? IdList.empty() : listers).with(id, MAX_LISTERS));
            if (assigned != null) {
                continue;
            }
            Instant itemTime = item.publishedDateTime();
            boolean nearInTime = result.distanceMillis(itemTime) <= config.maxEventTimeDistance().toMillis();
            double cosine = similarity(itemVector, itemTitleVector, result);
            if (nearInTime && cosine >= config.relatedMemberThreshold()) {
                result = result.withMember(new StoryMember(relatedId, item.webUrl(), item.title(),
                                item.provider() == null ? "" : item.provider().displayName(), itemTime, Role.RELATED))
                        .withTerms(TermVector.plus(result.terms(), itemVector, config.maxStoryTerms()))
                        .withTitleTerms(TermVector.plus(result.titleTerms(), itemTitleVector, config.maxStoryTerms()));
                articleStories.put(relatedId, new ArticleAssignment(result.storyId(), Role.RELATED));
                resolvedNow.add(relatedId);
            }
        }
        return result;
    }

    /** Stores the next version of {@code state}, indexing its new terms and moving its expiry key. */
    private StoryState save(StoryState state, Instant eventTime) {
        StoryState before = stories.get(state.storyId());
        Set<String> newTerms = new HashSet<>(state.terms().keySet());
        if (before != null && before.indexed()) {
            newTerms.removeAll(before.terms().keySet());
            storyExpiry.delete(expiryKey(before, eventTime));
        }
        for (String term : newTerms) {
            IdList postings = termIndex.get(term);
            termIndex.put(term, (postings == null ? IdList.empty() : postings)
                    .with(state.storyId(), config.maxPostingsPerTerm()));
        }
        StoryState next = state.withIndexed(true).nextVersion();
        stories.put(next.storyId(), next);
        storyExpiry.put(expiryKey(next, eventTime), next.storyId());
        return next;
    }

    private static String expiryKey(StoryState state, Instant fallback) {
        return ClusteringStores.expiryKey(state.lastUpdated().orElse(fallback).toEpochMilli(), state.storyId());
    }

    /** Takes stories not updated for the story retention out of the term index; their state stays. */
    private void expireStories(long streamTime) {
        long cutoff = streamTime - config.storyRetention().toMillis();
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> range =
                storyExpiry.range(ClusteringStores.expiryKey(0, ""), ClusteringStores.expiryKey(cutoff, ""))) {
            range.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> entry : expired) {
            storyExpiry.delete(entry.key);
            StoryState state = stories.get(entry.value);
            if (state == null || !state.indexed()) {
                continue;
            }
            for (String term : state.terms().keySet()) {
                IdList postings = termIndex.get(term);
                if (postings != null) {
                    IdList remaining = postings.without(state.storyId());
                    if (remaining.ids().isEmpty()) {
                        termIndex.delete(term);
                    } else {
                        termIndex.put(term, remaining);
                    }
                }
            }
            stories.put(state.storyId(), state.withIndexed(false));
        }
        if (!expired.isEmpty()) {
            LOG.debug("{} stories not updated since {} left the term index", expired.size(), Instant.ofEpochMilli(cutoff));
        }
    }

    private void forwardArticle(String id, Article article, String storyId, long timestamp) {
        StoryArticle value = new StoryArticle(storyId, Role.PRIMARY, article, resolve(article));
        context.forward(new Record<>(id, ClusterOutput.of(value), timestamp));
    }

    /** Emits again the earlier articles that listed an article whose story just became known. */
    private void reemitListers(String id, Set<String> resolvedNow, long timestamp) {
        Set<String> listers = new LinkedHashSet<>();
        for (String resolved : resolvedNow) {
            IdList ids = relatedIndex.get(resolved);
            if (ids != null) {
                ids.ids().stream().filter(lister -> !lister.equals(id)).forEach(listers::add);
            }
        }
        for (String lister : listers) {
            Article article = articles.get(lister);
            ArticleAssignment assignment = articleStories.get(lister);
            if (article != null && assignment != null) {
                forwardArticle(lister, article, assignment.storyId(),
                        article.publishedDateTime() != null ? article.publishedDateTime().toEpochMilli() : timestamp);
            }
        }
    }

    private List<ResolvedRelated> resolve(Article article) {
        List<ResolvedRelated> resolved = new ArrayList<>();
        for (RelatedItem item : article.related()) {
            String relatedId = relatedId(item);
            if (relatedId == null) {
                continue;
            }
            ArticleAssignment assignment = articleStories.get(relatedId);
            resolved.add(new ResolvedRelated(relatedId, assignment == null ? null : assignment.storyId(),
                    item.title(), item.webUrl()));
        }
        return resolved;
    }

    private static StoryMember primaryMember(String id, Article article, Instant eventTime) {
        String url = article.webUrl() != null ? article.webUrl() : article.primaryUrl();
        return new StoryMember(id, url, article.title(), article.providerName(), eventTime, Role.PRIMARY);
    }

    private static Instant eventTime(Article article, long recordTimestamp) {
        return article.publishedDateTime() != null ? article.publishedDateTime() : Instant.ofEpochMilli(recordTimestamp);
    }

    private static String relatedId(RelatedItem item) {
        if (item.id() != null && !item.id().isBlank()) {
            return item.id();
        }
        return CanonicalUrl.tryCanonicalId(item.webUrl()).orElse(null);
    }

    /** A scored candidate story, for the decision and its log line. */
    record Candidate(String storyId, double cosine, boolean linked, double score) {
    }
}
