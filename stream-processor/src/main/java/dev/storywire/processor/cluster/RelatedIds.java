package dev.storywire.processor.cluster;

import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.RelatedItem;

/** The canonical id of a related item: the producer's, else derived from its URL. */
final class RelatedIds {

    private RelatedIds() {
    }

    /** The item's canonical id, or null when it has neither an id nor a URL that yields one. */
    static String of(RelatedItem item) {
        return of(item.id(), item.webUrl());
    }

    static String of(String id, String webUrl) {
        if (id != null && !id.isBlank()) {
            return id;
        }
        return CanonicalUrl.tryCanonicalId(webUrl).orElse(null);
    }
}
