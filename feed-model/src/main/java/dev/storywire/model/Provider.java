package dev.storywire.model;

import java.util.List;

/** The publisher of an article. */
public record Provider(String name, String domain, List<Image> images) {

    public Provider {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** The best human-readable name: the name, else the domain, else an empty string. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return domain == null ? "" : domain;
    }
}
