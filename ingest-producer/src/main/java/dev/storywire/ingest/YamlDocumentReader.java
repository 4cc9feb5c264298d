package dev.storywire.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one YAML document with Jackson's streaming YAML parser ({@code jackson-dataformat-yaml}) straight into plain
 * Java values (maps, lists, strings, numbers, booleans, dates), token by token: no node graph is composed. The values
 * are the ones SnakeYAML's safe constructor builds (YAML 1.1 scalars, timestamps as dates), aliases are expanded by
 * reference, and the limits of {@link ParserLimits} (aliases, expanded size, nesting) are enforced while reading.
 * Remembers where each top-level field's value starts, for error positions. Thread-safe.
 */
final class YamlDocumentReader implements FrontMatterReader {

    private final ParserLimits limits;
    private final FeedYamlFactory factory;

    YamlDocumentReader(ParserLimits limits) {
        this.limits = limits;
        this.factory = FeedYamlFactory.create(limits);
    }

    @Override
    public YamlDocument read(DocumentBlock block) throws DocumentRejectedException {
        YamlValueBuilder builder = new YamlValueBuilder(limits, block);
        Object value;
        try (FeedYamlFactory.EventParser parser = factory.parser(block.body())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                builder.accept(token, parser);
            }
            value = builder.finish();
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw new DocumentRejectedException("YAML rejected: " + oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw fromJackson(e, block);
        } catch (YAMLException e) {
            throw builder.rejection(e);
        } catch (IOException e) {
            throw new DocumentRejectedException("YAML rejected: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            // Defence in depth: the nesting limit should stop this first.
            throw new DocumentRejectedException("YAML rejected: nesting too deep");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DocumentRejectedException("front matter is not a YAML mapping of fields, it is "
                    + FieldReader.describeType(value), TextPosition.of(block.bodyFirstLine(), 1));
        }
        return new YamlDocument(stringKeys(map), builder.fieldPositions());
    }

    /** SnakeYAML's scanner and parser errors reach us wrapped by Jackson; report them as before, with positions. */
    private static DocumentRejectedException fromJackson(JsonProcessingException e, DocumentBlock block) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return SnakeYamlNodeReader.syntaxError(marked, block);
            }
            if (cause instanceof YAMLException yaml) {
                return new DocumentRejectedException("YAML rejected: " + oneLine(yaml.getMessage()));
            }
            if (cause instanceof StreamConstraintsException limit) {
                return new DocumentRejectedException("YAML rejected: " + oneLine(limit.getOriginalMessage()));
            }
        }
        String problem = problem(e.getOriginalMessage());
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return new DocumentRejectedException("YAML error: " + problem);
        }
        int line = block.bodyFirstLine() + location.getLineNr() - 1;
        return new DocumentRejectedException("YAML error at line " + line + ", column " + location.getColumnNr()
                + ": " + problem, TextPosition.of(line, location.getColumnNr()));
    }

    /**
     * Jackson's own complaint, in our words. Jackson's parser takes only scalars as mapping keys: a collection or an
     * alias as a key (legal YAML, never seen in a feed) is refused, where the node-graph reader took it as text.
     */
    private static String problem(String jacksonMessage) {
        String message = oneLine(jacksonMessage);
        if (message.startsWith("Expected a field name")) {
            String found = message.contains("SequenceStartEvent") ? "a list"
                    : message.contains("MappingStartEvent") ? "a mapping"
                    : message.contains("AliasEvent") ? "an alias" : "not a scalar";
            return "a mapping key must be a scalar (text or a number), but this one is " + found;
        }
        return message;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, value) -> fields.put(String.valueOf(key), value));
        return fields;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
