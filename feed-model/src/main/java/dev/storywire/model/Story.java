package dev.storywire.model;

import java.time.Instant;
import java.util.List;

/**
 * The value of the compacted {@code stories} topic.
 *
 * @param articleCount members with role {@code primary} (syndicated copies and related items do not count)
 * @param firstSeen earliest publish time of a member
 * @param lastUpdated latest publish time of a member
 * @param version incremented on every change of the story
 */
public record Story(
        String storyId,
        String headline,
        int articleCount,
        List<StoryMember> members,
        List<String> providers,
        List<String> topics,
        Instant firstSeen,
        Instant lastUpdated,
        long version) {

    public Story {
        members = members == null ? List.of() : List.copyOf(members);
        providers = providers == null ? List.of() : List.copyOf(providers);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
