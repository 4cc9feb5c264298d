package dev.storywire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/** The one Jackson configuration every storywire component reads and writes JSON with. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // The same ISO-8601 text for instants, without the general formatter in the common case (IsoInstants).
            .addModule(IsoInstants.module())
            // Property access through generated lambdas instead of reflection: every record of the pipeline
            // passes this mapper at least twice, and reflective calls were a visible share of (de)serialising.
            .addModule(new BlackbirdModule())
            // ISO-8601 strings, readable by people, SQL and other languages alike.
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Feeds add fields; newer producers must not break older consumers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
