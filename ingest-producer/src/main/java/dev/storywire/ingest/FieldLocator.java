package dev.storywire.ingest;

/** Where a top-level field of a document stands in its input, for rejection positions. */
@FunctionalInterface
interface FieldLocator {

    FieldLocator NONE = field -> null;

    /** {@code line:column} of the field's value, or {@code null} when unknown. */
    String positionOf(String field);
}
