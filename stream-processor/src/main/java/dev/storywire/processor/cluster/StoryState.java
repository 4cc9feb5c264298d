package dev.storywire.processor.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.text.TermCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the clustering keeps per story: members in arrival order, a bounded term vector, topics and version.
 *
 * @param terms raw term counts of the members' titles and excerpts, bounded to the most frequent terms
 * @param titleTerms raw term counts of the members' titles alone, bounded the same way
 * @param leads the lead (first) title terms of the members, bounded, for the subject-conflict check
 * @param indexed whether the story is still in the candidate term index (false once it expired)
 * @param passages the passages of the members' texts ({@link Passages}), bounded
 * @param published the members' publish-time range, derived from {@code members} (whatever is passed): every
 *     candidate story's distance to every article is checked, so it is computed once per state, not per check
 * @param leadHashes the hash codes of {@code leads}, in their order, derived from them (whatever is passed) and not
 *     stored: the subject check of every candidate tests them against the hash codes of the article's terms first
 */
public record StoryState(
        String storyId,
        List<StoryMember> members,
        TermCounts terms,
        TermCounts titleTerms,
        List<String> topics,
        List<String> leads,
        long version,
        boolean indexed,
        Passages passages,
        PublishRange published,
        @JsonIgnore LeadHashes leadHashes) {

    /** Lead terms kept per story: a story's headlines lead with a handful of subjects. */
    static final int MAX_LEADS = 32;

    public StoryState {
        members = members == null ? List.of() : List.copyOf(members);
        terms = terms == null ? TermCounts.EMPTY : terms;
        titleTerms = titleTerms == null ? TermCounts.EMPTY : titleTerms;
        topics = topics == null ? List.of() : List.copyOf(topics);
        leads = leads == null ? List.of() : List.copyOf(leads);
        passages = passages == null ? Passages.NONE : passages;
        published = PublishRange.of(members);
        leadHashes = LeadHashes.of(leads);
    }

    private StoryState(String storyId, List<StoryMember> members, TermCounts terms,
            TermCounts titleTerms, List<String> topics, List<String> leads, long version, boolean indexed,
            Passages passages) {
        this(storyId, members, terms, titleTerms, topics, leads, version, indexed, passages, null, null);
    }

    /**
     * The hash codes of the lead terms, in one array, read without touching the strings. A class rather than an
     * {@code int[]} component, so that the array cannot be changed from outside and the state keeps its value
     * equality.
     */
    public static final class LeadHashes {

        private final int[] hashes;

        private LeadHashes(int[] hashes) {
            this.hashes = hashes;
        }

        static LeadHashes of(List<String> leads) {
            int[] hashes = new int[leads.size()];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = leads.get(i).hashCode();
            }
            return new LeadHashes(hashes);
        }

        int size() {
            return hashes.length;
        }

        /** The hash code of the {@code index}-th lead. */
        int get(int index) {
            return hashes[index];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeadHashes that && Arrays.equals(hashes, that.hashes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hashes);
        }

        @Override
        public String toString() {
            return Arrays.toString(hashes);
        }
    }

    /** Earliest and latest member publish time in epoch milliseconds; {@code first > last} when none has one. */
    public record PublishRange(long first, long last) {

        static final PublishRange NONE = new PublishRange(Long.MAX_VALUE, Long.MIN_VALUE);

        static PublishRange of(List<StoryMember> members) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (StoryMember member : members) {
                if (member.publishedAt() != null) {
                    long at = member.publishedAt().toEpochMilli();
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
            return first == Long.MAX_VALUE ? NONE : new PublishRange(first, last);
        }

        boolean isEmpty() {
            return first > last;
        }
    }

    public static StoryState open(String storyId) {
        return new StoryState(storyId, List.of(), TermCounts.EMPTY, TermCounts.EMPTY, List.of(), List.of(), 0, true,
                Passages.NONE);
    }

    /** Adds or replaces the member with the same article id. */
    public StoryState withMember(StoryMember member) {
        List<StoryMember> next = new ArrayList<>();
        boolean replaced = false;
        for (StoryMember existing : members) {
            if (existing.articleId().equals(member.articleId())) {
                next.add(member);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(member);
        }
        return new StoryState(storyId, next, terms, titleTerms, topics, leads, version, indexed, passages);
    }

    public StoryState withoutMember(String articleId) {
        List<StoryMember> next = members.stream().filter(m -> !m.articleId().equals(articleId)).toList();
        return new StoryState(storyId, next, terms, titleTerms, topics, leads, version, indexed, passages);
    }

    public StoryState withTerms(TermCounts nextTerms) {
        return new StoryState(storyId, members, nextTerms, titleTerms, topics, leads, version, indexed, passages);
    }

    public StoryState withTitleTerms(TermCounts nextTitleTerms) {
        return new StoryState(storyId, members, terms, nextTitleTerms, topics, leads, version, indexed, passages);
    }

    public StoryState withTopics(List<String> added) {
        LinkedHashSet<String> next = new LinkedHashSet<>(topics);
        added.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).forEach(next::add);
        return new StoryState(storyId, members, terms, titleTerms, List.copyOf(next), leads, version, indexed,
                passages);
    }

    /** Adds a lead term (ignored when {@code null}, already there, or the bound is reached). */
    public StoryState withLead(String lead) {
        if (lead == null || leads.contains(lead) || leads.size() >= MAX_LEADS) {
            return this;
        }
        List<String> next = new ArrayList<>(leads);
        next.add(lead);
        return new StoryState(storyId, members, terms, titleTerms, topics, next, version, indexed, passages);
    }

    /** Adds the passages of a text the story takes in (bounded, the newest stay). */
    public StoryState withPassages(Passages added) {
        return new StoryState(storyId, members, terms, titleTerms, topics, leads, version, indexed,
                passages.plus(added, Passages.MAX_PER_STORY));
    }

    /**
     * What a forgotten story keeps: its id and version, out of the indexes, so that a story opened again under the
     * same id (its founding article coming back) continues the versions subscribers have seen instead of starting
     * again below them.
     */
    public StoryState stub() {
        return new StoryState(storyId, List.of(), TermCounts.EMPTY, TermCounts.EMPTY, List.of(), List.of(), version,
                false, Passages.NONE);
    }

    public StoryState nextVersion() {
        return new StoryState(storyId, members, terms, titleTerms, topics, leads, version + 1, indexed, passages);
    }

    public StoryState withIndexed(boolean nextIndexed) {
        return new StoryState(storyId, members, terms, titleTerms, topics, leads, version, nextIndexed, passages);
    }

    public Optional<StoryMember> member(String articleId) {
        return members.stream().filter(m -> m.articleId().equals(articleId)).findFirst();
    }

    @JsonIgnore
    public Optional<Instant> firstSeen() {
        return published.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(published.first()));
    }

    @JsonIgnore
    public Optional<Instant> lastUpdated() {
        return published.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(published.last()));
    }

    /**
     * How far {@code time} lies outside the members' publish-time range, in milliseconds; 0 inside it or when no
     * member has a publish time.
     */
    public long distanceMillis(Instant time) {
        if (time == null) {
            return 0;
        }
        if (published.isEmpty()) {
            return 0;
        }
        long at = time.toEpochMilli();
        if (at < published.first()) {
            return published.first() - at;
        }
        return at > published.last() ? at - published.last() : 0;
    }

    /**
     * The headline is the title of the earliest published primary member (the article that broke the story);
     * members without a publish time come after those with one, in arrival order.
     */
    @JsonIgnore
    public String headline() {
        return members.stream()
                .filter(m -> m.role() == Role.PRIMARY)
                .min(Comparator.comparing(StoryMember::publishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .or(() -> members.stream().findFirst())
                .map(StoryMember::title)
                .orElse("");
    }

    /** The {@code stories} topic value for this state. */
    public Story toStory() {
        int primaries = (int) members.stream().filter(m -> m.role() == Role.PRIMARY).count();
        // Syndicated copies repeat another member's text; their outlets do not make the story wider.
        List<String> providers = members.stream()
                .filter(m -> m.role() != Role.SYNDICATED)
                .map(StoryMember::provider)
                .filter(p -> p != null && !p.isBlank())
                .distinct()
                .toList();
        return new Story(storyId, headline(), primaries, members, providers, topics, firstSeen().orElse(null),
                lastUpdated().orElse(null), version);
    }
}
