package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import dev.storywire.model.Headers;
import dev.storywire.model.RelatedItem;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.ops.metrics.PipelineMetrics;
import dev.storywire.processor.EventClock;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.RecordPosition;
import dev.storywire.processor.text.BackgroundFrequencies;
import dev.storywire.processor.text.ContentFingerprints;
import dev.storywire.processor.text.TermCounts;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online, single-pass story clustering over the deduped articles, on a single partition (it needs the global
 * view). For each new article:
 * <ol>
 *   <li>a copy of an article already clustered (same {@link ContentFingerprints content fingerprint}, near in
 *       time) joins that article's story with role {@code syndicated}; it adds no text to the story and does not
 *       count in its size or providers;</li>
 *   <li>otherwise candidate stories come from indexes only: the stories of its related items, the stories of
 *       earlier articles that listed it, and the stories sharing its rarest terms (inverted index, bounded
 *       postings);</li>
 *   <li>each candidate is scored by TF-IDF cosine (title-only and title-and-excerpt, weights from the
 *       {@link BackgroundFrequencies background table} plus live counts), plus {@link ProcessorConfig#linkBonus()}
 *       when a related link joins them in either direction; a candidate needs
 *       {@link ProcessorConfig#minTextSimilarity()} even with a link, must lie within
 *       {@link ProcessorConfig#maxEventTimeDistance()} of the story's time range, must not lead with a different
 *       subject (see {@link #subjectConflict}), and must score at least {@link ProcessorConfig#joinThreshold()};</li>
 *   <li>the article joins the best candidate or opens a story {@link StoryIds#forFoundingArticle(String)}; when it
 *       scores {@link ProcessorConfig#mergeThreshold()} against several candidates, they are one story and merge
 *       into the oldest (tombstone for the others, their articles re-emitted with the surviving id);</li>
 *   <li>its related items similar enough to the story become members with role {@code related}, unless they are
 *       already known (a feed article is {@code primary} in whatever story it joins);</li>
 *   <li>it is emitted with its related coverage resolved, with the changed stories, and earlier articles whose
 *       related coverage it resolves (or moves) are emitted again.</li>
 * </ol>
 * Updates of an already clustered article keep its story and role. Stories not updated for
 * {@link ProcessorConfig#storyRetention()} of stream time leave every candidate index (terms, fingerprints,
 * related links) and their articles' payloads are dropped.
 *
 * <p>Entries are removed with {@code put(key, null)}, which Kafka Streams stores treat as a delete: {@code delete}
 * would read and decode the old value only to return it.
 */
public final class ClusteringProcessor implements Processor<String, Article, String, ClusterOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteringProcessor.class);
    /** Earlier articles remembered per related id: enough for real related lists, bounded against hubs. */
    private static final int MAX_LISTERS = 64;
    /** Term-index candidates scored per article: the stories sharing the most query terms. */
    private static final int MAX_TERM_CANDIDATES = 32;
    /** Stories kept decoded: the active stories of several days of a busy feed. */
    static final int MAX_CACHED_STORIES = 20_000;
    /**
     * Story assignments and related-link lists kept decoded, each: those of the last few days' articles and their
     * related items. One article reads the same related ids' entries three or four times (its candidates, its
     * related members, its related coverage, the listers to emit again), and related items are mostly recent
     * articles; each read the cache answers is a RocksDB lookup saved, mostly of a key that is not there.
     */
    static final int MAX_CACHED_LINKS = 50_000;

    private final ProcessorConfig config;
    private ProcessorContext<String, ClusterOutput> context;
    private CachedStore<ArticleAssignment> articleStories;
    private CachedStore<StoryState> stories;
    /** The store under {@link #stories}, for reads that bypass its cache. */
    private KeyValueStore<String, StoryState> storiesStore;
    private KeyValueStore<String, Article> articles;
    private CachedStore<IdList> relatedIndex;
    /** Live stories by their rarest terms: in memory, built again from the live stories on every start. */
    private TermIndex termIndex;
    private StoryExpiryIndex expiryIndex;
    private KeyValueStore<String, String> fingerprints;
    private final EventClock clock = new EventClock();
    /** Counts into the global Micrometer registry: a no-op unless the application added one (e.g. Prometheus). */
    private final PipelineMetrics metrics = new PipelineMetrics(Metrics.globalRegistry);
    /** Background table plus the live counts: what term weights are computed from. */
    private TermStatistics statistics;
    /** Which terms of a text or story to index it under or look it up by. */
    private RareTerms rareTerms;
    /** TF-IDF similarity of texts to stories, with the stories' norms cached. */
    private StorySimilarity similarity;

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
                return ClusteringStores.builders(config.inMemoryStores());
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ClusterOutput> context) {
        this.context = context;
        this.articleStories = new CachedStore<>(context.getStateStore(ClusteringStores.ARTICLE_STORIES),
                MAX_CACHED_LINKS);
        this.storiesStore = context.getStateStore(ClusteringStores.STORIES);
        this.stories = new CachedStore<>(storiesStore, MAX_CACHED_STORIES);
        this.articles = context.getStateStore(ClusteringStores.ARTICLES);
        this.relatedIndex = new CachedStore<>(context.getStateStore(ClusteringStores.RELATED_INDEX), MAX_CACHED_LINKS);
        this.expiryIndex = new StoryExpiryIndex(context.getStateStore(ClusteringStores.STORY_EXPIRY),
                config.storyRetention());
        this.fingerprints = context.getStateStore(ClusteringStores.FINGERPRINTS);
        this.statistics = new TermStatistics(BackgroundFrequencies.shipped(),
                context.getStateStore(ClusteringStores.DOCUMENT_FREQUENCIES));
        this.rareTerms = new RareTerms(statistics, config.maxQueryTerms(), config.maxStoryTerms());
        this.similarity = new StorySimilarity(statistics, config.titleSimilarityShare(), MAX_CACHED_STORIES);
        this.termIndex = new TermIndex(config.maxPostingsPerTerm());
        rebuildTermIndex();
    }

    /**
     * Posts every live story under its rarest terms, as {@link #save} does for a story that comes back to the
     * indexes: oldest update first (the expiry index's order), so the latest updated are the latest postings. The
     * stores were restored before the processor starts, and the live stories are those the expiry index holds.
     */
    private void rebuildTermIndex() {
        List<String> live = expiryIndex.live();
        for (String storyId : live) {
            StoryState state = stories.get(storyId);
            if (state != null && state.indexed()) {
                rareTerms.ofStory(state).forEach(term -> termIndex.add(term, storyId));
            }
        }
        if (!live.isEmpty()) {
            LOG.info("Term index built from {} live stories: {} stories under {} terms", live.size(),
                    termIndex.stories(), termIndex.terms());
        }
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        String id = record.key();
        if (article == null || id == null) {
            LOG.warn("Skipping record without key or value at {}: key '{}'", RecordPosition.of(context), id);
            return;
        }
        Instant stated = eventTime(article, record.timestamp());
        clock.observe(stated);
        Instant eventTime = believable(stated, id);
        expireDueStories();
        Changes changes = new Changes();

        ArticleAssignment prior = articleStories.get(id);
        StoryState story;
        Role role;
        if (prior != null && prior.role() != Role.RELATED && stories.get(prior.storyId()) != null) {
            role = prior.role();
            story = stories.get(prior.storyId()).withMember(member(id, article, eventTime, role));
            LOG.debug("Updated article '{}' at {} stays in story {}", id, RecordPosition.of(context), story.storyId());
        } else {
            List<String> contentFingerprints = ContentFingerprints.of(article.title(), article.excerpt());
            Optional<StoryState> original = syndicationOriginal(id, contentFingerprints, eventTime);
            if (original.isPresent()) {
                role = Role.SYNDICATED;
                story = original.get().withMember(member(id, article, eventTime, role));
                LOG.debug("Article '{}' at {} is a syndicated copy in story {}", id, RecordPosition.of(context),
                        story.storyId());
            } else {
                role = Role.PRIMARY;
                story = placeNewArticle(id, article, eventTime, prior, changes);
                addFingerprints(id, contentFingerprints);
            }
            leaveRelatedStory(id, prior, story.storyId(), changes);
            articleStories.put(id, new ArticleAssignment(story.storyId(), role));
            changes.resolved.add(id);
        }
        story = story.withTopics(article.topics());
        articles.put(id, article);
        story = addRelatedItems(id, article, story, changes);
        changes.touched.put(story.storyId(), story);

        List<StoryState> saved = new ArrayList<>();
        changes.touched.values().forEach(state -> saved.add(
                save(state, eventTime, changes.indexTerms.getOrDefault(state.storyId(), Set.of()))));
        forwardArticle(id, article, new ArticleAssignment(story.storyId(), role), record.timestamp());
        saved.forEach(s -> context.forward(new Record<>(s.storyId(), ClusterOutput.of(s.toStory()), record.timestamp())));
        // The tombstone names the surviving story in a header: subscribers of the stories topic learn where a
        // merged-away story went without reading stories.articles (docs/subscribers.md).
        changes.mergedAway.forEach((loser, survivor) -> context.forward(mergedAwayTombstone(loser, survivor, record)));
        changes.moved.forEach(moved -> reemit(moved, record.timestamp()));
        reemitListers(id, changes, record.timestamp());
    }

    private static Record<String, ClusterOutput> mergedAwayTombstone(String loser, String survivor,
            Record<String, Article> cause) {
        Record<String, ClusterOutput> tombstone = new Record<>(loser, ClusterOutput.storyTombstone(), cause.timestamp());
        tombstone.headers().add(Headers.MERGED_INTO, survivor.getBytes(StandardCharsets.UTF_8));
        return tombstone;
    }

    /** What one record changed besides the article's own story. */
    private static final class Changes {
        /** Stories to save and emit, by id. */
        final Map<String, StoryState> touched = new LinkedHashMap<>();
        /** Ids of stories merged into another, to the id of the story they were merged into. */
        final Map<String, String> mergedAway = new LinkedHashMap<>();
        /** Feed articles that moved to another story in a merge. */
        final Set<String> moved = new LinkedHashSet<>();
        /** Articles whose story became known or changed, for the related-coverage join. */
        final Set<String> resolved = new LinkedHashSet<>();
        /** Terms to add each touched story to in the term index, by story id. */
        final Map<String, Set<String>> indexTerms = new HashMap<>();

        void index(String storyId, Collection<String> terms) {
            indexTerms.computeIfAbsent(storyId, k -> new HashSet<>()).addAll(terms);
        }
    }

    /** The story of an already clustered article this one is a copy of, when it is near enough in time. */
    private Optional<StoryState> syndicationOriginal(String id, List<String> contentFingerprints,
            Instant eventTime) {
        for (String fingerprint : contentFingerprints) {
            String originalId = fingerprints.get(fingerprint);
            if (originalId == null || originalId.equals(id)) {
                continue;
            }
            ArticleAssignment assignment = articleStories.get(originalId);
            StoryState story = assignment == null ? null : stories.get(assignment.storyId());
            if (story != null && story.indexed()
                    && story.distanceMillis(eventTime) <= config.maxEventTimeDistance().toMillis()) {
                return Optional.of(story);
            }
        }
        return Optional.empty();
    }

    private void addFingerprints(String id, List<String> contentFingerprints) {
        for (String fingerprint : contentFingerprints) {
            if (fingerprints.get(fingerprint) == null) {
                fingerprints.put(fingerprint, id);
            }
        }
    }

    /** A related member that now arrived as a feed article in another story leaves its old story. */
    private void leaveRelatedStory(String id, ArticleAssignment prior, String storyId, Changes changes) {
        if (prior == null || prior.storyId().equals(storyId)) {
            return;
        }
        StoryState previous = changes.touched.containsKey(prior.storyId())
                ? changes.touched.get(prior.storyId()) : stories.get(prior.storyId());
        if (previous != null) {
            changes.touched.put(previous.storyId(), previous.withoutMember(id));
        }
    }

    private StoryState placeNewArticle(String id, Article article, Instant eventTime, ArticleAssignment prior,
            Changes changes) {
        boolean newDocument = prior == null && relatedIndex.get(id) == null;
        ArticleText text = ArticleText.of(article.title(), article.excerpt(), config.titleWeight(),
                statistics::canonical);
        List<Candidate> accepted = acceptedCandidates(id, article, text, eventTime, prior);
        if (newDocument) {
            countDocument(text.vector());
        }
        StoryState story;
        if (accepted.isEmpty()) {
            String storyId = StoryIds.forFoundingArticle(id);
            StoryState existing = stories.get(storyId);
            story = existing != null ? existing : StoryState.open(storyId);
            LOG.debug("Article '{}' at {} opens story {}", id, RecordPosition.of(context), storyId);
            if (existing == null) {
                metrics.storyCreated();
            }
        } else {
            story = stories.get(accepted.get(0).storyId());
            LOG.debug("Article '{}' at {} joins story {} ({})", id, RecordPosition.of(context), story.storyId(),
                    accepted.get(0));
            story = mergeStrongCandidates(id, text, story, accepted, changes);
        }
        changes.index(story.storyId(), rareTerms.ofText(text.vector()));
        return story.withMember(member(id, article, eventTime, Role.PRIMARY))
                .withTerms(story.terms().plus(text.vector(), config.maxStoryTerms()))
                .withTitleTerms(story.titleTerms().plus(text.titleVector(), config.maxStoryTerms()))
                .withLead(text.lead());
    }

    /**
     * The article's candidates are one story, and merge into the oldest of them (first seen, then id), when the
     * article scores at least the merge threshold against both, or when the best story with the article added
     * would accept the other story's text as it accepts a member ({@link #storiesAgree}). The second rule makes
     * the result independent of arrival order: two articles that only a third one ties together end in one story
     * whichever came first.
     */
    private StoryState mergeStrongCandidates(String id, ArticleText text, StoryState best, List<Candidate> accepted,
            Changes changes) {
        if (accepted.size() < 2) {
            return best;
        }
        StoryState joined = best.withTerms(best.terms().plus(text.vector(), config.maxStoryTerms()))
                .withTitleTerms(best.titleTerms().plus(text.titleVector(), config.maxStoryTerms()));
        boolean bestIsStrong = accepted.get(0).score() >= config.mergeThreshold();
        List<StoryState> strong = new ArrayList<>(List.of(best));
        for (Candidate candidate : accepted.subList(1, accepted.size())) {
            StoryState other = stories.get(candidate.storyId());
            if (bestIsStrong && candidate.score() >= config.mergeThreshold() || storiesAgree(joined, other)) {
                strong.add(other);
            }
        }
        if (strong.size() < 2) {
            return best;
        }
        StoryState survivor = strong.stream()
                .min(Comparator.comparing((StoryState s) -> s.firstSeen().orElse(Instant.MAX))
                        .thenComparing(StoryState::storyId))
                .orElseThrow();
        StoryState merged = changes.touched.getOrDefault(survivor.storyId(), survivor);
        for (StoryState loser : strong) {
            if (!loser.storyId().equals(survivor.storyId())) {
                LOG.info("Article '{}' at {} joins stories {} and {}: merging {} into {}", id,
                        RecordPosition.of(context), survivor.storyId(), loser.storyId(), loser.storyId(),
                        survivor.storyId());
                merged = merge(merged, changes.touched.getOrDefault(loser.storyId(), loser), changes);
            }
        }
        return merged;
    }

    /**
     * Whether {@code other} belongs to {@code joined} by the same rules an article joins a story: close in time,
     * no conflicting headline subjects, and its text (title and excerpt terms) similar above the join threshold.
     */
    private boolean storiesAgree(StoryState joined, StoryState other) {
        Instant otherTime = other.firstSeen().orElse(null);
        if (otherTime == null || joined.distanceMillis(otherTime) > config.maxEventTimeDistance().toMillis()) {
            return false;
        }
        boolean sharedSubject = other.leads().isEmpty() || joined.leads().isEmpty()
                || other.leads().stream().anyMatch(joined.terms()::contains)
                || joined.leads().stream().anyMatch(other.terms()::contains);
        return sharedSubject
                && similarity.score(similarity.query(new ArticleText(other.terms(), other.titleTerms(), null)), joined)
                        >= config.joinThreshold();
    }

    private StoryState merge(StoryState survivor, StoryState loser, Changes changes) {
        StoryState merged = survivor;
        for (StoryMember member : loser.members()) {
            if (merged.member(member.articleId()).isPresent()) {
                continue;
            }
            merged = merged.withMember(member);
            articleStories.put(member.articleId(), new ArticleAssignment(survivor.storyId(), member.role()));
            changes.resolved.add(member.articleId());
            if (member.role() != Role.RELATED) {
                changes.moved.add(member.articleId());
            }
        }
        for (String lead : loser.leads()) {
            merged = merged.withLead(lead);
        }
        merged = merged.withTerms(merged.terms().plus(loser.terms(), config.maxStoryTerms()))
                .withTitleTerms(merged.titleTerms().plus(loser.titleTerms(), config.maxStoryTerms()))
                .withTopics(loser.topics());
        unindex(loser);
        changes.index(survivor.storyId(), rareTerms.ofStory(loser));
        expiryIndex.remove(loser, Instant.EPOCH);
        stories.delete(loser.storyId());
        similarity.forget(loser.storyId());
        changes.touched.remove(loser.storyId());
        changes.mergedAway.put(loser.storyId(), survivor.storyId());
        metrics.storiesMerged(1);
        return merged;
    }

    /** The candidates passing every join rule, best first. */
    private List<Candidate> acceptedCandidates(String id, Article article, ArticleText text, Instant eventTime,
            ArticleAssignment prior) {
        Set<String> linked = linkedStories(id, article, prior);
        Set<String> candidates = new LinkedHashSet<>(linked);
        candidates.addAll(termCandidates(text.vector()));
        List<Candidate> accepted = new ArrayList<>();
        StorySimilarity.Query query = similarity.query(text);
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
            double cosine = similarity.score(query, state);
            boolean link = linked.contains(storyId);
            Candidate candidate = new Candidate(storyId, cosine, link, cosine + (link ? config.linkBonus() : 0.0));
            LOG.trace("Article '{}' against {}", id, candidate);
            if (cosine < config.minTextSimilarity() || candidate.score() < config.joinThreshold()) {
                continue;
            }
            // Checked last: few candidates get this far, and scoring has just read the story's terms.
            if (subjectConflict(text, state)) {
                LOG.debug("Article '{}' leads with '{}', story {} with {}: different subjects", id, text.lead(),
                        storyId, state.leads());
                continue;
            }
            accepted.add(candidate);
        }
        accepted.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::storyId));
        return accepted;
    }

    /**
     * Headlines lead with their subject ("XAPP AI achieves ...", "ElectrifAI achieves ..."). When the article's
     * lead term appears nowhere in the story's text and none of the story's lead terms appears in the article,
     * they are about different actors, however similar the rest (template press releases).
     */
    static boolean subjectConflict(ArticleText text, StoryState story) {
        if (text.lead() == null || story.leads().isEmpty() || story.terms().contains(text.lead())) {
            return false;
        }
        StoryState.LeadHashes leadHashes = story.leadHashes();
        for (int i = 0; i < leadHashes.size(); i++) {
            if (text.vector().mayContainHash(leadHashes.get(i)) && text.vector().contains(story.leads().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Stories linked to the article by a related link in either direction. */
    private Set<String> linkedStories(String id, Article article, ArticleAssignment prior) {
        Set<String> linked = new LinkedHashSet<>();
        if (prior != null) {
            linked.add(prior.storyId());
        }
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
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

    private void countDocument(TermCounts distinctTerms) {
        statistics.addDocument(distinctTerms);
    }

    /** The stories sharing most of the article's rarest known terms (ties by story id), in no particular order. */
    private List<String> termCandidates(TermCounts vector) {
        return termIndex.topStories(rareTerms.query(vector), MAX_TERM_CANDIDATES);
    }

    private StoryState addRelatedItems(String id, Article article, StoryState story, Changes changes) {
        StoryState result = story;
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
            if (relatedId == null || relatedId.equals(id)) {
                continue;
            }
            IdList listers = relatedIndex.get(relatedId);
            ArticleAssignment assigned = articleStories.get(relatedId);
            if (listers == null || !listers.ids().contains(id)) {
                relatedIndex.put(relatedId, (listers == null ? IdList.empty() : listers).with(id, MAX_LISTERS));
            }
            if (assigned != null) {
                continue;
            }
            ArticleText itemText = ArticleText.of(item.title(), item.excerpt(), config.titleWeight(),
                    statistics::canonical);
            if (listers == null) {
                countDocument(itemText.vector());
            }
            Instant itemTime = item.publishedDateTime() == null ? null : believable(item.publishedDateTime(), relatedId);
            boolean nearInTime = result.distanceMillis(itemTime) <= config.maxEventTimeDistance().toMillis();
            if (nearInTime && !subjectConflict(itemText, result)
                    && similarity.score(similarity.query(itemText), result) >= config.relatedMemberThreshold()) {
                result = result.withMember(new StoryMember(relatedId, item.webUrl(), item.title(),
                                item.provider() == null ? "" : item.provider().displayName(), itemTime, Role.RELATED))
                        .withTerms(result.terms().plus(itemText.vector(), config.maxStoryTerms()))
                        .withTitleTerms(result.titleTerms().plus(itemText.titleVector(), config.maxStoryTerms()));
                articleStories.put(relatedId, new ArticleAssignment(result.storyId(), Role.RELATED));
                changes.index(result.storyId(), rareTerms.ofText(itemText.vector()));
                changes.resolved.add(relatedId);
            }
        }
        return result;
    }

    /**
     * Stores the next version of {@code state}, adds it to the postings of {@code indexTerms} and moves its expiry
     * key. A story that had left the indexes (a late update of a member) comes back under its rarest terms.
     */
    private StoryState save(StoryState state, Instant eventTime, Set<String> indexTerms) {
        StoryState before = stories.get(state.storyId());
        Set<String> terms = indexTerms;
        if (before != null && before.indexed()) {
            expiryIndex.remove(before, eventTime);
        } else if (before != null) {
            terms = new HashSet<>(indexTerms);
            terms.addAll(rareTerms.ofStory(state));
        }
        for (String term : terms) {
            termIndex.add(term, state.storyId());
        }
        StoryState next = state.withIndexed(true).nextVersion();
        stories.put(next.storyId(), next);
        expiryIndex.add(next, eventTime);
        return next;
    }

    /** Takes the story's id out of every posting it is in. */
    private void unindex(StoryState state) {
        if (state.indexed()) {
            termIndex.remove(state.storyId());
        }
    }

    /**
     * Stories not updated for the story retention leave every candidate index: the term index, the fingerprint
     * index and the related-link index; their feed articles' payloads are dropped. The story and assignment
     * records stay, so a late update of a member keeps its story. Looked for once per
     * {@link StoryExpiryIndex#SCAN_INTERVAL} of the robust clock.
     */
    private void expireDueStories() {
        Instant now = clock.now();
        List<String> due = expiryIndex.takeDue(now);
        due.forEach(this::expire);
        if (!due.isEmpty()) {
            LOG.debug("{} stories not updated since {} left the candidate indexes", due.size(),
                    Instant.ofEpochMilli(expiryIndex.cutoff(now)));
        }
    }

    private void expire(String storyId) {
        // Read without its term vectors: out of the indexes they serve nothing, and they are dropped.
        StoryState state = stories.getOr(storyId, id -> WriteBehindStore.read(storiesStore, id,
                Function.identity(), ExpiryViews.STORY_WITHOUT_TERMS));
        if (state == null || !state.indexed()) {
            return;
        }
        unindex(state);
        similarity.forget(state.storyId());
        // Members, leads and topics stay for late updates.
        state.members().stream()
                .filter(m -> m.role() != Role.RELATED)
                .forEach(m -> forgetArticle(m.articleId()));
        stories.put(state.storyId(),
                state.withIndexed(false).withTerms(TermCounts.EMPTY).withTitleTerms(TermCounts.EMPTY));
    }

    /** Takes a feed article out of the fingerprint and related-link indexes and drops its payload. */
    private void forgetArticle(String articleId) {
        ExpiryViews.ArticleIndexKeys keys = WriteBehindStore.read(articles, articleId,
                ExpiryViews.ArticleIndexKeys::of, ExpiryViews.ARTICLE_INDEX_KEYS);
        if (keys == null) {
            return;
        }
        for (String fingerprint : keys.fingerprints()) {
            if (articleId.equals(fingerprints.get(fingerprint))) {
                fingerprints.put(fingerprint, null);
            }
        }
        for (String relatedId : keys.relatedIds()) {
            IdList listers = relatedId == null ? null : relatedIndex.get(relatedId);
            if (listers != null && listers.ids().contains(articleId)) {
                IdList remaining = listers.without(articleId);
                if (remaining.ids().isEmpty()) {
                    relatedIndex.put(relatedId, null);
                } else {
                    relatedIndex.put(relatedId, remaining);
                }
            }
        }
        articles.put(articleId, null);
    }

    private void forwardArticle(String id, Article article, ArticleAssignment assignment, long timestamp) {
        StoryArticle value = new StoryArticle(assignment.storyId(), assignment.role(), article, resolve(article));
        context.forward(new Record<>(id, ClusterOutput.of(value), timestamp));
        if (article.ingestedAt() != null) {
            metrics.endToEndLatency(article.ingestedAt(), Instant.now());
        }
    }

    /** Emits a stored feed article again with its current story and related coverage. */
    private void reemit(String articleId, long timestamp) {
        Article article = articles.get(articleId);
        ArticleAssignment assignment = articleStories.get(articleId);
        if (article != null && assignment != null) {
            forwardArticle(articleId, article, assignment,
                    article.publishedDateTime() != null ? article.publishedDateTime().toEpochMilli() : timestamp);
        }
    }

    /** Emits again the earlier articles that listed an article whose story just became known or changed. */
    private void reemitListers(String id, Changes changes, long timestamp) {
        Set<String> listers = new LinkedHashSet<>();
        for (String resolved : changes.resolved) {
            IdList ids = relatedIndex.get(resolved);
            if (ids != null) {
                ids.ids().stream()
                        .filter(lister -> !lister.equals(id) && !changes.moved.contains(lister))
                        .forEach(listers::add);
            }
        }
        listers.forEach(lister -> reemit(lister, timestamp));
    }

    private List<ResolvedRelated> resolve(Article article) {
        List<ResolvedRelated> resolved = new ArrayList<>();
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
            if (relatedId == null) {
                continue;
            }
            ArticleAssignment assignment = articleStories.get(relatedId);
            resolved.add(new ResolvedRelated(relatedId, assignment == null ? null : assignment.storyId(),
                    item.title(), item.webUrl()));
        }
        return resolved;
    }

    private static StoryMember member(String id, Article article, Instant eventTime, Role role) {
        String url = article.webUrl() != null ? article.webUrl() : article.primaryUrl();
        return new StoryMember(id, url, article.title(), article.providerName(), eventTime, role);
    }

    /**
     * The stated publish time, or the feed's clock when the stated time lies more than
     * {@link ProcessorConfig#maxFutureSkew()} ahead of it: a real-time feed carries no items from weeks ahead, so
     * such a date is wrong, and the feed's present is the best guess of when the item really appeared (it still
     * has to earn any join by its text). The article's own record keeps the stated date.
     */
    private Instant believable(Instant stated, String id) {
        if (believed(stated)) {
            return stated;
        }
        Instant now = clock.now();
        LOG.info("Article '{}' at {} is dated {}, more than {} ahead of the feed's clock {}: clustered as of {}",
                id, RecordPosition.of(context), stated, config.maxFutureSkew(), now, now);
        return now;
    }

    /** Whether {@code time} lies within the future skew of the upper median of recent publish times. */
    private boolean believed(Instant time) {
        Instant median = clock.upperMedian();
        return median.equals(Instant.MIN) || !time.isAfter(median.plus(config.maxFutureSkew()));
    }

    private static Instant eventTime(Article article, long recordTimestamp) {
        return article.publishedDateTime() != null ? article.publishedDateTime() : Instant.ofEpochMilli(recordTimestamp);
    }

    /** A scored candidate story, for the decision and its log line. */
    record Candidate(String storyId, double cosine, boolean linked, double score) {
    }
}
