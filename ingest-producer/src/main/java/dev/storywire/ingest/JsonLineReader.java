package dev.storywire.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one JSON Lines line into plain Java values, with the same nesting limit as YAML. */
final class JsonLineReader {

    private final ObjectMapper mapper;

    JsonLineReader(ParserLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxDocumentBytes())
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * @param lineNumber the line's 1-based number in its file, for positions
     */
    Map<String, Object> read(String line, int lineNumber) throws DocumentRejectedException {
        Object value;
        try {
            value = mapper.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String position = location == null ? null : TextPosition.of(lineNumber, location.getColumnNr());
            throw new DocumentRejectedException("JSON syntax error"
                    + (position == null ? "" : " at line " + lineNumber + ", column " + location.getColumnNr())
                    + ": " + YamlDocumentReader.oneLine(e.getOriginalMessage()), position);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DocumentRejectedException("a JSON Lines line must hold a JSON object of fields, it holds "
                    + FieldReader.describeType(value), TextPosition.of(lineNumber, 1));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, fieldValue) -> fields.put(String.valueOf(key), fieldValue));
        return fields;
    }
}
