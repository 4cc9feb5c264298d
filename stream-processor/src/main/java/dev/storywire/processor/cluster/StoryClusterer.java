package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import dev.storywire.model.RelatedItem;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.EventClock;
import dev.storywire.processor.text.ContentFingerprints;
import dev.storywire.processor.text.DocumentFrequencies;
import dev.storywire.processor.text.TermCounts;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online, single-pass story clustering: decides for one deduplicated article its story, its role, the merges it
 * shows, the related members it brings, and the records to emit. It holds no Kafka types; what it remembers lives
 * in a {@link ClusterState}.
 *
 * <ol>
 *   <li>A copy of an article already clustered (same {@link ContentFingerprints content fingerprint}, near in
 *       time) joins that article's story with role {@code syndicated}; it adds no text to the story.</li>
 *   <li>Otherwise candidate stories come from indexes only: the stories of its related items, the stories of
 *       earlier articles that listed it, and the stories sharing its rarest terms ({@link TermIndex}).</li>
 *   <li>Each candidate is scored by TF-IDF similarity ({@link StorySimilarity}) plus the link bonus when a related
 *       link joins them in either direction; it must pass the minimum text similarity even with a link, lie within
 *       the event-time distance, not lead with a different subject ({@link #subjectConflict}) and reach the join
 *       threshold.</li>
 *   <li>The article joins the best candidate or opens a story {@link StoryIds#forFoundingArticle(String)}.</li>
 *   <li>Splits heal: stories the article shows to be one (see {@link StoryMerges}) merge into the oldest; the
 *       others are tombstoned and their articles emitted again with the surviving id.</li>
 *   <li>Its related items similar enough to the story become members with role {@code related}.</li>
 *   <li>It is emitted with its related coverage resolved, with the changed stories, and earlier articles whose
 *       related coverage it resolves (or moves) are emitted again.</li>
 * </ol>
 * Updates of an already clustered article keep its story and role. {@link #expireDue()} takes stories not updated
 * for the story retention out of every candidate index, and forgets the members of those not updated for the story
 * state retention.
 */
public final class StoryClusterer {

    private static final Logger LOG = LoggerFactory.getLogger(StoryClusterer.class);
    /** Earlier articles remembered per related id: enough for real related lists, bounded against hubs. */
    private static final int MAX_LISTERS = 64;
    /** Term-index candidates scored per article: the stories sharing the most query terms. */
    static final int MAX_TERM_CANDIDATES = 32;
    /** Term-index candidates a grown story is compared with: the stories sharing the most of its rarest terms. */
    static final int MAX_HEAL_CANDIDATES = 8;
    /** Stories whose weighed term vectors are kept: the active stories of several days of a busy feed. */
    static final int MAX_WEIGHED_STORIES = 20_000;

    private final ClusteringSettings settings;
    private final ClusterState state;
    private final TermStatistics statistics;
    private final RareTerms rareTerms;
    private final StorySimilarity similarity;
    private final TermIndex termIndex;
    private final StoryExpiryIndex expiryIndex;
    private final StoryExpiryIndex retiredIndex;
    private final StoryMerges merges;
    private final EventClock clock = new EventClock();

    /**
     * A clusterer over {@code state}, which may hold the stories of an earlier run: the in-memory term index is built
     * again from its live stories.
     *
     * @param background the document frequencies of a background corpus, blended with the live counts
     */
    public StoryClusterer(ClusteringSettings settings, ClusterState state, DocumentFrequencies background) {
        this.settings = settings;
        this.state = state;
        this.statistics = new TermStatistics(background, state.documentFrequencies());
        this.rareTerms = new RareTerms(statistics, settings.maxQueryTerms(), settings.maxStoryTerms());
        this.similarity = new StorySimilarity(statistics, settings.titleSimilarityShare(), MAX_WEIGHED_STORIES);
        this.termIndex = new TermIndex(settings.maxPostingsPerTerm());
        this.expiryIndex = new StoryExpiryIndex(state.expiry(), settings.storyRetention());
        this.retiredIndex = new StoryExpiryIndex(state.retired(), settings.storyStateRetention());
        this.merges = new StoryMerges(settings, similarity, this::distance);
        rebuildTermIndex();
    }

    /** One record to emit: key, value and record timestamp. */
    public record Output(String key, ClusterOutput value, long timestamp) {
    }

    /**
     * What clustering one article decided.
     *
     * @param storyId the article's story
     * @param role its role in the story
     * @param storiesCreated 1 when it opened a story, else 0
     * @param mergedAway ids of the stories merged into another
     * @param outputs the records to emit, in order
     */
    public record Decision(String storyId, Role role, int storiesCreated, List<String> mergedAway,
            List<Output> outputs) {
    }

    /**
     * Posts every live story under its rarest terms, oldest update first, so that the latest updated are the latest
     * postings.
     */
    private void rebuildTermIndex() {
        List<String> live = expiryIndex.live();
        for (String storyId : live) {
            StoryState story = state.stories().get(storyId);
            if (story != null && story.indexed()) {
                rareTerms.ofStory(story).forEach(term -> termIndex.add(term, storyId));
            }
        }
        if (!live.isEmpty()) {
            LOG.info("Term index built from {} live stories: {} stories under {} terms", live.size(),
                    termIndex.stories(), termIndex.terms());
        }
    }

    /**
     * Clusters one article.
     *
     * @param id its canonical id
     * @param timestamp its record timestamp (epoch millis), the event time when it states no publish time
     */
    public Decision cluster(String id, Article article, long timestamp) {
        Instant stated = article.publishedDateTime() != null ? article.publishedDateTime()
                : Instant.ofEpochMilli(timestamp);
        clock.observe(stated);
        Instant eventTime = believable(stated, id, article.source());
        Changes changes = new Changes();

        ArticleAssignment prior = state.assignments().get(id);
        StoryState priorStory = prior == null ? null : state.stories().get(prior.storyId());
        StoryState story;
        Role role;
        if (prior != null && prior.role() != Role.RELATED && priorStory != null) {
            role = prior.role();
            story = priorStory.withMember(member(id, article, eventTime, role));
            LOG.debug("Updated article '{}' ({}) stays in story {}", id, article.source(), story.storyId());
        } else {
            List<String> contentFingerprints = ContentFingerprints.of(article.title(), article.excerpt());
            Optional<StoryState> original = syndicationOriginal(id, contentFingerprints, eventTime);
            if (original.isPresent()) {
                role = Role.SYNDICATED;
                story = original.get().withMember(member(id, article, eventTime, role));
                LOG.debug("Article '{}' ({}) is a syndicated copy in story {}", id, article.source(), story.storyId());
            } else {
                role = Role.PRIMARY;
                story = placeNewArticle(id, article, eventTime, prior, changes);
                addFingerprints(id, contentFingerprints);
            }
            leaveRelatedStory(id, prior, story.storyId(), changes);
            state.assignments().put(id, new ArticleAssignment(story.storyId(), role));
            changes.resolved.add(id);
        }
        story = story.withTopics(article.topics());
        state.articles().put(id, article);
        story = addRelatedItems(id, article, story, changes);
        changes.touched.put(story.storyId(), story);
        if (changes.joined) {
            story = healSplits(id, story, changes);
        }

        List<StoryState> saved = new ArrayList<>();
        changes.touched.values().forEach(touched -> saved.add(
                save(touched, eventTime, changes.indexTerms.getOrDefault(touched.storyId(), Set.of()))));
        List<Output> outputs = new ArrayList<>();
        ArticleAssignment assignment = new ArticleAssignment(story.storyId(), role);
        outputs.add(articleOutput(id, article, assignment, timestamp));
        saved.forEach(s -> outputs.add(new Output(s.storyId(), ClusterOutput.of(s.toStory()), timestamp)));
        changes.mergedAway.keySet().forEach(loser -> outputs.add(
                new Output(loser, ClusterOutput.storyTombstone(changes.survivorOf(loser)), timestamp)));
        changes.moved.stream().filter(moved -> !moved.equals(id)).forEach(moved -> reemit(moved, timestamp, outputs));
        reemitListers(id, changes, timestamp, outputs);
        return new Decision(story.storyId(), role, changes.created, List.copyOf(changes.mergedAway.keySet()),
                List.copyOf(outputs));
    }

    /** What one record changed besides the article's own story. */
    private static final class Changes {
        /** Stories to save and emit, by id. */
        final Map<String, StoryState> touched = new LinkedHashMap<>();
        /** Ids of stories merged into another, to the id of the story each was merged into. */
        final Map<String, String> mergedAway = new LinkedHashMap<>();
        /** Feed articles that moved to another story in a merge. */
        final Set<String> moved = new LinkedHashSet<>();
        /** Articles whose story became known or changed, for the related-coverage join. */
        final Set<String> resolved = new LinkedHashSet<>();
        /** Terms to add each touched story to in the term index, by story id. */
        final Map<String, Set<String>> indexTerms = new HashMap<>();
        /** The candidate stories whose text the article resembles (at least the minimum text similarity). */
        final Set<String> resembling = new LinkedHashSet<>();
        /** Whether the article joined an existing story (rather than opening one, or updating or copying). */
        boolean joined;
        int created;

        void index(String storyId, Collection<String> terms) {
            indexTerms.computeIfAbsent(storyId, k -> new HashSet<>()).addAll(terms);
        }

        StoryState current(StoryState story) {
            return touched.getOrDefault(story.storyId(), story);
        }

        /** The story a merged-away story ended in, following merges of its survivor within the same record. */
        String survivorOf(String mergedAwayId) {
            String survivor = mergedAway.get(mergedAwayId);
            for (int hop = 0; hop < mergedAway.size() && mergedAway.containsKey(survivor); hop++) {
                survivor = mergedAway.get(survivor);
            }
            return survivor;
        }
    }

    /** The story of an already clustered article this one is a copy of, when it is near enough in time. */
    private Optional<StoryState> syndicationOriginal(String id, List<String> contentFingerprints,
            Instant eventTime) {
        for (String fingerprint : contentFingerprints) {
            String originalId = state.fingerprints().get(fingerprint);
            if (originalId == null || originalId.equals(id)) {
                continue;
            }
            ArticleAssignment assignment = state.assignments().get(originalId);
            StoryState story = assignment == null ? null : state.stories().get(assignment.storyId());
            if (story != null && story.indexed()
                    && distance(story, eventTime) <= settings.maxEventTimeDistance().toMillis()) {
                return Optional.of(story);
            }
        }
        return Optional.empty();
    }

    private void addFingerprints(String id, List<String> contentFingerprints) {
        for (String fingerprint : contentFingerprints) {
            if (state.fingerprints().get(fingerprint) == null) {
                state.fingerprints().put(fingerprint, id);
            }
        }
    }

    /** A related member that now arrived as a feed article in another story leaves its old story. */
    private void leaveRelatedStory(String id, ArticleAssignment prior, String storyId, Changes changes) {
        if (prior == null || prior.storyId().equals(storyId)) {
            return;
        }
        StoryState previous = changes.touched.containsKey(prior.storyId())
                ? changes.touched.get(prior.storyId()) : state.stories().get(prior.storyId());
        if (previous != null) {
            changes.touched.put(previous.storyId(), previous.withoutMember(id));
        }
    }

    private StoryState placeNewArticle(String id, Article article, Instant eventTime, ArticleAssignment prior,
            Changes changes) {
        boolean newDocument = prior == null && state.listers().get(id) == null;
        ArticleText text = ArticleText.of(article.title(), article.excerpt(), settings.titleWeight(),
                statistics::canonical);
        List<Candidate> accepted = acceptedCandidates(id, article, text, eventTime, prior, changes);
        if (newDocument) {
            statistics.addDocument(text.vector());
        }
        StoryState story;
        if (accepted.isEmpty()) {
            String storyId = StoryIds.forFoundingArticle(id);
            StoryState existing = state.stories().get(storyId);
            story = existing != null ? existing : StoryState.open(storyId);
            LOG.debug("Article '{}' ({}) opens story {}", id, article.source(), storyId);
            if (existing == null) {
                changes.created = 1;
            }
        } else {
            story = state.stories().get(accepted.get(0).storyId());
            changes.joined = true;
            LOG.debug("Article '{}' ({}) joins story {} ({})", id, article.source(), story.storyId(), accepted.get(0));
            story = mergeAll(id, story, merges.strongCandidates(text, story, accepted, this::story), changes);
        }
        changes.index(story.storyId(), rareTerms.ofText(text.vector()));
        return story.withMember(member(id, article, eventTime, Role.PRIMARY))
                .withPassages(text.passages())
                .withTerms(story.terms().plus(text.vector(), settings.maxStoryTerms()))
                .withTitleTerms(story.titleTerms().plus(text.titleVector(), settings.maxStoryTerms()))
                .withLead(text.lead());
    }

    private StoryState story(String storyId) {
        return state.stories().get(storyId);
    }

    /**
     * After the article joined a story: the grown story is compared, by the rules two stories merge by, with the
     * live stories sharing its rarest terms and the other stories the article resembles. A story that grew can so
     * bridge two halves that arrived apart, whichever half came first. The grown story's text is weighed once and
     * scored against each of a bounded number of candidates. An article that opened a story has already been scored
     * against its candidates and joined none: its one-article story adds nothing to compare.
     */
    private StoryState healSplits(String id, StoryState grown, Changes changes) {
        Set<String> candidates = new LinkedHashSet<>(changes.resembling);
        TermStatistics.Term[] grownTerms = similarity.terms(grown.storyId(), grown.terms(), false);
        candidates.addAll(termIndex.topStories(rareTerms.ofStory(grown, grownTerms), MAX_HEAL_CANDIDATES));
        candidates.remove(grown.storyId());
        candidates.removeAll(changes.mergedAway.keySet());
        StorySimilarity.Query grownText = null;
        List<StoryState> agreeing = new ArrayList<>();
        for (String storyId : candidates) {
            StoryState other = state.stories().get(storyId);
            if (other == null || !other.indexed()) {
                continue;
            }
            grownText = grownText != null ? grownText : similarity.query(grown, grownTerms);
            if (merges.heal(grown, grownText, other)) {
                agreeing.add(changes.current(other));
            }
        }
        if (agreeing.isEmpty()) {
            return grown;
        }
        List<StoryState> all = new ArrayList<>(agreeing);
        all.add(0, grown);
        LOG.debug("Story {} grown by '{}' agrees with {}", grown.storyId(), id,
                agreeing.stream().map(StoryState::storyId).toList());
        return mergeAll(id, grown, all, changes);
    }

    private Optional<String> storyOf(String articleId) {
        return Optional.ofNullable(state.assignments().get(articleId)).map(ArticleAssignment::storyId);
    }

    /**
     * Merges {@code stories} (which include {@code current}) into the oldest of them (first seen, then id), and
     * returns the survivor; {@code current} unchanged when there is only one.
     */
    private StoryState mergeAll(String id, StoryState current, List<StoryState> stories, Changes changes) {
        if (stories.size() < 2) {
            return current;
        }
        StoryState survivor = stories.stream()
                .min(Comparator.comparing((StoryState s) -> s.firstSeen().orElse(Instant.MAX))
                        .thenComparing(StoryState::storyId))
                .orElseThrow();
        StoryState merged = changes.current(survivor);
        for (StoryState loser : stories) {
            if (!loser.storyId().equals(survivor.storyId())) {
                LOG.info("Article '{}' shows stories {} and {} are one: merging {} into {}", id, survivor.storyId(),
                        loser.storyId(), loser.storyId(), survivor.storyId());
                merged = merge(merged, changes.current(loser), changes);
            }
        }
        changes.touched.put(merged.storyId(), merged);
        return merged;
    }

    private StoryState merge(StoryState survivor, StoryState loser, Changes changes) {
        StoryState merged = survivor;
        for (StoryMember member : loser.members()) {
            if (merged.member(member.articleId()).isPresent()) {
                continue;
            }
            merged = merged.withMember(member);
            state.assignments().put(member.articleId(), new ArticleAssignment(survivor.storyId(), member.role()));
            changes.resolved.add(member.articleId());
            if (member.role() != Role.RELATED) {
                changes.moved.add(member.articleId());
            }
        }
        for (String lead : loser.leads()) {
            merged = merged.withLead(lead);
        }
        merged = merged.withTerms(merged.terms().plus(loser.terms(), settings.maxStoryTerms()))
                .withTitleTerms(merged.titleTerms().plus(loser.titleTerms(), settings.maxStoryTerms()))
                .withPassages(loser.passages())
                .withTopics(loser.topics());
        unindex(loser);
        changes.index(survivor.storyId(), rareTerms.ofStory(loser));
        StoryState stored = state.stories().get(loser.storyId());
        if (stored != null) {
            (stored.indexed() ? expiryIndex : retiredIndex).remove(stored, Instant.EPOCH);
        }
        state.stories().delete(loser.storyId());
        similarity.forget(loser.storyId());
        changes.touched.remove(loser.storyId());
        changes.mergedAway.put(loser.storyId(), survivor.storyId());
        return merged;
    }

    /** The candidates passing every join rule, best first. */
    private List<Candidate> acceptedCandidates(String id, Article article, ArticleText text, Instant eventTime,
            ArticleAssignment prior, Changes changes) {
        Set<String> linked = linkedStories(id, article, prior);
        List<String> candidates = new ArrayList<>(linked);
        for (String storyId : termIndex.topStories(rareTerms.query(text.vector()), MAX_TERM_CANDIDATES)) {
            if (!linked.contains(storyId)) {
                candidates.add(storyId);
            }
        }
        List<Candidate> accepted = new ArrayList<>();
        StorySimilarity.Query query = similarity.query(text);
        for (String storyId : candidates) {
            StoryState story = state.stories().get(storyId);
            if (story == null) {
                continue;
            }
            long distance = distance(story, eventTime);
            if (distance > settings.maxEventTimeDistance().toMillis()) {
                LOG.debug("Article '{}' ({}) too far from story {} ({} ms)", id, eventTime, storyId, distance);
                continue;
            }
            double cosine = similarity.score(query, story);
            if (cosine < settings.minTextSimilarity()) {
                LOG.trace("Article '{}' against story {}: text similarity {} below the minimum", id, storyId, cosine);
                continue;
            }
            // Only now the passages: most candidates fail the minimum, and the bonus cannot change that.
            boolean link = linked.contains(storyId);
            double score = cosine + (link ? settings.linkBonus() : 0.0) + merges.passageBonus(text.passages(), story);
            Candidate candidate = new Candidate(storyId, cosine, link, score);
            LOG.trace("Article '{}' against {}", id, candidate);
            changes.resembling.add(storyId);
            if (candidate.score() < settings.joinThreshold()) {
                continue;
            }
            if (subjectConflict(text, story)) {
                LOG.debug("Article '{}' leads with '{}', story {} with {}: different subjects", id, text.lead(),
                        storyId, story.leads());
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
                storyOf(relatedId).ifPresent(linked::add);
            }
        }
        IdList listers = state.listers().get(id);
        if (listers != null) {
            listers.ids().forEach(lister -> storyOf(lister).ifPresent(linked::add));
        }
        return linked;
    }

    private StoryState addRelatedItems(String id, Article article, StoryState story, Changes changes) {
        StoryState result = story;
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
            if (relatedId == null || relatedId.equals(id)) {
                continue;
            }
            IdList listers = state.listers().get(relatedId);
            ArticleAssignment assigned = state.assignments().get(relatedId);
            if (listers == null || !listers.ids().contains(id)) {
                state.listers().put(relatedId, (listers == null ? IdList.empty() : listers).with(id, MAX_LISTERS));
            }
            if (assigned != null) {
                continue;
            }
            ArticleText itemText = ArticleText.of(item.title(), item.excerpt(), settings.titleWeight(),
                    statistics::canonical);
            if (listers == null) {
                statistics.addDocument(itemText.vector());
            }
            Instant itemTime = item.publishedDateTime() == null ? null
                    : believable(item.publishedDateTime(), relatedId, article.source());
            boolean nearInTime = distance(result, itemTime) <= settings.maxEventTimeDistance().toMillis();
            if (nearInTime && !subjectConflict(itemText, result)
                    && similarity.score(similarity.query(itemText), result) >= settings.relatedMemberThreshold()) {
                result = result.withMember(new StoryMember(relatedId, item.webUrl(), item.title(),
                                item.provider() == null ? "" : item.provider().displayName(), itemTime, Role.RELATED))
                        .withPassages(itemText.passages())
                        .withTerms(result.terms().plus(itemText.vector(), settings.maxStoryTerms()))
                        .withTitleTerms(result.titleTerms().plus(itemText.titleVector(), settings.maxStoryTerms()));
                state.assignments().put(relatedId, new ArticleAssignment(result.storyId(), Role.RELATED));
                changes.index(result.storyId(), rareTerms.ofText(itemText.vector()));
                changes.resolved.add(relatedId);
            }
        }
        return result;
    }

    /**
     * Stores the next version of {@code story}, adds it to the postings of {@code indexTerms} and moves its expiry
     * key. A story that had left the indexes (a late update of a member) comes back under its rarest terms.
     */
    private StoryState save(StoryState story, Instant eventTime, Set<String> indexTerms) {
        StoryState before = state.stories().get(story.storyId());
        Set<String> terms = indexTerms;
        if (before != null && before.indexed()) {
            expiryIndex.remove(before, eventTime);
        } else if (before != null) {
            retiredIndex.remove(before, Instant.EPOCH);
            terms = new HashSet<>(indexTerms);
            terms.addAll(rareTerms.ofStory(story));
        }
        for (String term : terms) {
            termIndex.add(term, story.storyId());
        }
        StoryState next = story.withIndexed(true).nextVersion();
        state.stories().put(next.storyId(), next);
        expiryIndex.add(next, eventTime);
        return next;
    }

    private void unindex(StoryState story) {
        if (story.indexed()) {
            termIndex.remove(story.storyId());
        }
    }

    /**
     * Stories not updated for the story retention leave every candidate index: the term index, the fingerprint
     * index and the related-link index; their feed articles' payloads are dropped. The story and assignment records
     * stay, so a late update of a member keeps its story, until the story state retention has passed: then the
     * assignments are deleted and the story shrinks to its id and version, so that the state grows by a few dozen
     * bytes per story, not by every member's record, for as long as the feed runs. Age is judged on the
     * {@link EventClock#lowerDecile() lower decile} of recent publish times, not the median: when a backlog is read,
     * one input partition can run days ahead of another, and a story must stay joinable until the lagging partition
     * has passed it too (expiring late costs only memory for a while). Looks for due stories at most once per
     * {@link StoryExpiryIndex#SCAN_INTERVAL} of that clock.
     *
     * @return how many stories expired
     */
    public int expireDue() {
        Instant now = clock.lowerDecile();
        if (now.equals(Instant.MIN)) {
            return 0;
        }
        List<String> due = expiryIndex.takeDue(now);
        due.forEach(this::expire);
        if (!due.isEmpty()) {
            LOG.debug("{} stories not updated since {} left the candidate indexes", due.size(),
                    Instant.ofEpochMilli(expiryIndex.cutoff(now)));
        }
        List<String> forgotten = retiredIndex.takeDue(now);
        forgotten.forEach(this::forget);
        if (!forgotten.isEmpty()) {
            LOG.debug("{} stories not updated since {} were forgotten with their members' assignments",
                    forgotten.size(), Instant.ofEpochMilli(retiredIndex.cutoff(now)));
        }
        return due.size();
    }

    private void expire(String storyId) {
        StoryState story = state.stories().get(storyId);
        if (story == null || !story.indexed()) {
            return;
        }
        unindex(story);
        similarity.forget(story.storyId());
        story.members().stream()
                .filter(m -> m.role() != Role.RELATED)
                .forEach(m -> forgetArticle(m.articleId()));
        StoryState retired = story.withIndexed(false).withTerms(TermCounts.EMPTY).withTitleTerms(TermCounts.EMPTY);
        state.stories().put(story.storyId(), retired);
        retiredIndex.add(retired, Instant.EPOCH);
    }

    /**
     * Deletes the assignments of a retired story's members that still name it, and shrinks the story to its
     * {@link StoryState#stub() stub}.
     */
    private void forget(String storyId) {
        StoryState story = state.stories().get(storyId);
        if (story == null || story.indexed()) {
            return;
        }
        for (StoryMember member : story.members()) {
            ArticleAssignment assignment = state.assignments().get(member.articleId());
            if (assignment != null && assignment.storyId().equals(storyId)) {
                state.assignments().delete(member.articleId());
            }
        }
        state.stories().put(storyId, story.stub());
    }

    /** Takes a feed article out of the fingerprint and related-link indexes and drops its payload. */
    private void forgetArticle(String articleId) {
        Article article = state.articles().get(articleId);
        if (article == null) {
            return;
        }
        for (String fingerprint : ContentFingerprints.of(article.title(), article.excerpt())) {
            if (articleId.equals(state.fingerprints().get(fingerprint))) {
                state.fingerprints().delete(fingerprint);
            }
        }
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
            IdList listers = relatedId == null ? null : state.listers().get(relatedId);
            if (listers != null && listers.ids().contains(articleId)) {
                IdList remaining = listers.without(articleId);
                state.listers().put(relatedId, remaining.ids().isEmpty() ? null : remaining);
            }
        }
        state.articles().delete(articleId);
    }

    private Output articleOutput(String id, Article article, ArticleAssignment assignment, long timestamp) {
        StoryArticle value = new StoryArticle(assignment.storyId(), assignment.role(), article, resolve(article));
        return new Output(id, ClusterOutput.of(value), timestamp);
    }

    /** Emits a stored feed article again with its current story and related coverage. */
    private void reemit(String articleId, long timestamp, List<Output> outputs) {
        Article article = state.articles().get(articleId);
        ArticleAssignment assignment = state.assignments().get(articleId);
        if (article != null && assignment != null) {
            outputs.add(articleOutput(articleId, article, assignment,
                    article.publishedDateTime() != null ? article.publishedDateTime().toEpochMilli() : timestamp));
        }
    }

    /** Emits again the earlier articles that listed an article whose story just became known or changed. */
    private void reemitListers(String id, Changes changes, long timestamp, List<Output> outputs) {
        Set<String> listers = new LinkedHashSet<>();
        for (String resolved : changes.resolved) {
            IdList ids = state.listers().get(resolved);
            if (ids != null) {
                ids.ids().stream()
                        .filter(lister -> !lister.equals(id) && !changes.moved.contains(lister))
                        .forEach(listers::add);
            }
        }
        listers.forEach(lister -> reemit(lister, timestamp, outputs));
    }

    private List<ResolvedRelated> resolve(Article article) {
        List<ResolvedRelated> resolved = new ArrayList<>();
        for (RelatedItem item : article.related()) {
            String relatedId = RelatedIds.of(item);
            if (relatedId == null) {
                continue;
            }
            resolved.add(new ResolvedRelated(relatedId, storyOf(relatedId).orElse(null), item.title(),
                    item.webUrl()));
        }
        return resolved;
    }

    private static StoryMember member(String id, Article article, Instant eventTime, Role role) {
        String url = article.webUrl() != null ? article.webUrl() : article.primaryUrl();
        return new StoryMember(id, url, article.title(), article.providerName(), eventTime, role);
    }

    /**
     * The stated publish time, or the feed's clock when the stated time lies more than the future skew ahead of it:
     * a real-time feed carries no items from weeks ahead, so such a date is wrong, and the feed's present is the
     * best guess of when the item really appeared. The article's own record keeps the stated date.
     */
    private Instant believable(Instant stated, String id, String source) {
        Instant median = clock.upperMedian();
        if (median.equals(Instant.MIN) || !stated.isAfter(median.plus(settings.maxFutureSkew()))) {
            return stated;
        }
        Instant now = clock.now();
        LOG.info("Article '{}' ({}) is dated {}, more than {} ahead of the feed's clock {}: clustered as of {}",
                id, source, stated, settings.maxFutureSkew(), now, now);
        return now;
    }

    /**
     * How far {@code time} lies outside the story's publish-time range, in milliseconds (0 inside it, or when either
     * is unknown). A story dated wholly beyond belief (see {@link #beyondBelief}) stands at the feed's present
     * instead: its founding article came before the clock could tell that its date was wrong, and an article
     * arriving later with the same date would have been placed there.
     */
    long distance(StoryState story, Instant time) {
        if (time == null) {
            return 0;
        }
        if (beyondBelief(story)) {
            return Math.abs(time.toEpochMilli() - clock.now().toEpochMilli());
        }
        return story.distanceMillis(time);
    }

    /** How far apart two stories lie in time: the distance of {@code other}'s first member from {@code story}. */
    private long distance(StoryState story, StoryState other) {
        Optional<Instant> first = beyondBelief(other) ? Optional.of(clock.now()) : other.firstSeen();
        return first.map(time -> distance(story, time)).orElse(Long.MAX_VALUE);
    }

    /** Whether every member of the story is dated more than the future skew ahead of the feed's clock. */
    private boolean beyondBelief(StoryState story) {
        StoryState.PublishRange published = story.published();
        return !published.isEmpty() && clock.isBeyond(published.first(), settings.maxFutureSkew());
    }

    /** A scored candidate story, for the decision and its log line. */
    record Candidate(String storyId, double cosine, boolean linked, double score) {
    }
}
