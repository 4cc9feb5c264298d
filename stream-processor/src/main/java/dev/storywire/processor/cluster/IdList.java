package dev.storywire.processor.cluster;

import java.util.ArrayList;
import java.util.List;

/** A bounded list of ids, oldest first, as stored in the inverted and related-link indexes. */
public record IdList(List<String> ids) {

    public IdList {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static IdList empty() {
        return new IdList(List.of());
    }

    /** This list with {@code id} moved to the end, dropping the oldest ids beyond {@code max}. */
    public IdList with(String id, int max) {
        List<String> next = new ArrayList<>(ids);
        next.remove(id);
        next.add(id);
        while (next.size() > max) {
            next.remove(0);
        }
        return new IdList(next);
    }

    public IdList without(String id) {
        List<String> next = new ArrayList<>(ids);
        next.remove(id);
        return new IdList(next);
    }
}
