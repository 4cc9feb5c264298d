package dev.storywire.serve.store;

import dev.storywire.model.Story;
import java.util.List;

/**
 * What the serve instance keeps per story id: the latest version, or, once a tombstone came, where the story went.
 *
 * @param story the latest version; {@code null} once merged away
 * @param mergedInto the surviving story's id from the tombstone's {@code storywire.merged-into} header; {@code null}
 *     while the story lives or when the tombstone did not say
 * @param formerMembers article ids of the last version before the tombstone, to find the survivor through
 *     {@code stories.articles} when the header is missing
 */
public record StoryEntry(Story story, String mergedInto, List<String> formerMembers) {

    public StoryEntry {
        formerMembers = formerMembers == null ? List.of() : List.copyOf(formerMembers);
    }

    public static StoryEntry live(Story story) {
        return new StoryEntry(story, null, List.of());
    }

    public boolean mergedAway() {
        return story == null;
    }
}
