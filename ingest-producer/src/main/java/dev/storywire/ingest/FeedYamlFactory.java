package dev.storywire.ingest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Jackson's {@link YAMLFactory} whose parsers also tell the YAML event behind each token (its anchor, tag and
 * scalar style) and the tag the scalar resolved to, so a reader can build the same values SnakeYAML's safe
 * constructor builds (timestamps, YAML 1.1 numbers and booleans) without composing a node graph.
 */
final class FeedYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    private FeedYamlFactory(LoaderOptions loaderOptions, StreamReadConstraints constraints) {
        super(YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(constraints));
    }

    static FeedYamlFactory create(ParserLimits limits) {
        LoaderOptions options = new LoaderOptions();
        // The document is already bounded in bytes; this bounds the characters the scanner reads the same way.
        options.setCodePointLimit(limits.maxDocumentBytes());
        options.setProcessComments(false);
        int textLimit = Math.max(limits.maxDocumentBytes(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                // Our own depth check (ParserLimits.maxNestingDepth) gives the reason; Jackson's is a backstop.
                .maxNestingDepth(Math.max(limits.maxNestingDepth() + 2, StreamReadConstraints.DEFAULT_MAX_DEPTH))
                // A value or a key may be as long as the document: the document limit is the one that applies.
                .maxStringLength(textLimit)
                .maxNameLength(textLimit)
                .build();
        return new FeedYamlFactory(options, constraints);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new EventParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    EventParser parser(String yaml) throws IOException {
        return (EventParser) createParser(yaml);
    }

    /**
     * The words SnakeYAML's resolver (YAML 1.1) takes as booleans or null among plain scalars that start with a letter
     * ({@code Resolver.BOOL} and {@code Resolver.NULL}); every other such scalar is text.
     */
    private static final Set<String> BOOL_AND_NULL_WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true",
            "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code 0}, or digits without a leading zero: what YAML 1.1 reads as a base-10 integer and nothing else. */
    private static boolean isPlainDecimal(String value) {
        if (value.isEmpty() || (value.charAt(0) == '0' && value.length() > 1)) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A {@link YAMLParser} that exposes the current event and resolves each scalar's tag once. */
    static final class EventParser extends YAMLParser {

        private Tag resolvedTag;
        private ScalarEvent resolvedEvent;

        EventParser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options,
                com.fasterxml.jackson.core.ObjectCodec codec, Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, codec, reader);
        }

        /** The YAML event of the current token (the key's scalar event for a field name). */
        Event event() {
            return _lastEvent;
        }

        /** The tag of the current scalar: explicit, or resolved from a plain scalar's text like SnakeYAML does. */
        Tag scalarTag(ScalarEvent scalar) {
            String tag = scalar.getTag();
            if (tag != null && !tag.equals("!")) {
                return new Tag(tag);
            }
            if (scalar == resolvedEvent) {
                return resolvedTag;
            }
            return resolve(scalar);
        }

        /**
         * SnakeYAML's resolution of an untagged scalar. A plain scalar that starts with an ASCII letter can only be a
         * boolean ({@code yes}, {@code off}, ...) or a null ({@code null}) word, else it is text; a plain unsigned
         * decimal without a leading zero ({@code 648}, the image sizes) is an integer, the first rule the resolver
         * tries for a digit. Those are answered without the resolver's regular expressions, which were a sixth of
         * the parsing time on feed documents.
         */
        private Tag resolve(ScalarEvent scalar) {
            boolean plain = scalar.getImplicit().canOmitTagInPlainScalar();
            String value = scalar.getValue();
            if (plain && !value.isEmpty() && isAsciiLetter(value.charAt(0)) && !BOOL_AND_NULL_WORDS.contains(value)) {
                return Tag.STR;
            }
            if (plain && isPlainDecimal(value)) {
                return Tag.INT;
            }
            return _yamlResolver.resolve(NodeId.scalar, value, plain);
        }

        /**
         * Jackson's decoding of an untagged scalar, on the tag resolved once here instead of a second time by
         * Jackson: the same token for each resolved tag as {@code YAMLParser#_decodeScalar} gives. Floats, the empty
         * scalar and explicitly tagged scalars are left to Jackson.
         */
        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            String tag = scalar.getTag();
            String value = scalar.getValue();
            resolvedEvent = null;
            if ((tag != null && !tag.equals("!")) || value.isEmpty()) {
                return super._decodeScalar(scalar);
            }
            resolvedEvent = scalar;
            resolvedTag = resolve(scalar);
            if (Tag.FLOAT.equals(resolvedTag)) {
                return super._decodeScalar(scalar);
            }
            _textValue = value;
            _cleanedTextValue = null;
            if (Tag.INT.equals(resolvedTag)) {
                return _decodeNumberScalar(value, value.length());
            }
            if (Tag.BOOL.equals(resolvedTag)) {
                Boolean bool = _matchYAMLBoolean(value, value.length());
                if (bool != null) {
                    return bool ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
                }
                return JsonToken.VALUE_STRING;
            }
            return Tag.NULL.equals(resolvedTag) ? JsonToken.VALUE_NULL : JsonToken.VALUE_STRING;
        }
    }
}
