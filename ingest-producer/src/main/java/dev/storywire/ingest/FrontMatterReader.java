package dev.storywire.ingest;

import java.util.Map;

/** Reads the YAML of one document block into plain Java values (maps, lists, strings, numbers, booleans, dates). */
interface FrontMatterReader {

    /**
     * @throws DocumentRejectedException with the reason (and {@code line:column} in the input, when known) when the
     *     YAML is malformed, breaks a {@link ParserLimits} limit, or is not a mapping of fields
     */
    YamlDocument read(DocumentBlock block) throws DocumentRejectedException;

    /** The fields of a document and where each top-level field's value starts in the input. */
    record YamlDocument(Map<String, Object> fields, Map<String, String> fieldPositions) implements FieldLocator {
        @Override
        public String positionOf(String field) {
            return fieldPositions.get(field);
        }
    }
}
