package dev.storywire.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an article belongs to a story. */
public enum Role {
    /** A feed document of its own. */
    PRIMARY,
    /** A copy of a wire story or press release already in the story under another URL. */
    SYNDICATED,
    /** An item only known from another article's related list, judged part of the story. */
    RELATED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWireName(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
