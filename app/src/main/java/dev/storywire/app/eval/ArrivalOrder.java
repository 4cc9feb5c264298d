package dev.storywire.app.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One order in which {@code storywire eval --orders N} publishes a labelled window.
 *
 * @param kind how the order was made
 * @param seed the shuffle's seed, 0 for the other kinds
 * @param files the feed files in publish order
 */
public record ArrivalOrder(Kind kind, long seed, List<Path> files) {

    /** How an order was made. */
    public enum Kind {
        /** Publish-time order, published through the same code path as {@code storywire run}. */
        AS_RUN_DELIVERS_IT("as run delivers it"),
        /** The files sorted by path, as a directory listing gives them. */
        FILE_ORDER("file order"),
        /** File order backwards. */
        REVERSED("reversed"),
        /** File order shuffled with a fixed seed. */
        SHUFFLED("shuffled");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ArrivalOrder {
        files = List.copyOf(files);
    }

    /** A short name for reports, e.g. {@code file order} or {@code shuffled (seed 3)}. */
    public String name() {
        return kind == Kind.SHUFFLED ? kind.label() + " (seed " + seed + ")" : kind.label();
    }
}
