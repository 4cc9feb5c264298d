package dev.storywire.ingest;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds the value of one YAML document from the tokens of Jackson's streaming parser, one token at a time, and
 * enforces {@link ParserLimits} on the way: nesting depth, aliases (to scalars and collections alike, each counted),
 * recursive aliases and the size the document would have with every alias expanded.
 *
 * <p>An alias is expanded by reference (the anchored value is shared, never copied), so an alias bomb costs nothing
 * to read; its expanded size is added up from the size remembered for each anchor, and the document is rejected
 * before anything is built from it. Problems are reported in the order SnakeYAML's node-graph reader reported them:
 * syntax and composition errors (undefined alias, nesting, aliases to collections) as they are met, then recursive
 * aliases, the alias count and the expanded size, then construction errors (duplicate keys, unknown tags).
 */
final class YamlValueBuilder {

    private static final Tag SET = Tag.SET;
    private static final Tag OMAP = Tag.OMAP;
    private static final Tag PAIRS = Tag.PAIRS;

    private final ParserLimits limits;
    private final DocumentBlock block;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Map<String, String> fieldPositions = new LinkedHashMap<>();
    private YamlScalars scalars;
    private int aliases;
    private int collectionAliases;
    private boolean hasRoot;
    private Object root;
    private long rootSize;
    private DocumentRejectedException recursion;
    private DocumentRejectedException construction;

    YamlValueBuilder(ParserLimits limits, DocumentBlock block) {
        this.limits = limits;
        this.block = block;
    }

    /** A collection being read. */
    private static final class Frame {
        final boolean mapping;
        final Map<Object, Object> map;
        final List<Object> list;
        final String anchor;
        final String tag;
        final Mark start;
        long size;
        boolean hasKey;
        Object key;
        String rawKey;
        Mark keyMark;
        boolean mergeKey;
        List<Object> merges;

        Frame(boolean mapping, String anchor, String tag, Mark start) {
            this.mapping = mapping;
            this.map = mapping ? new LinkedHashMap<>() : null;
            this.list = mapping ? null : new ArrayList<>();
            this.anchor = anchor;
            this.tag = tag;
            this.start = start;
        }
    }

    /** What an anchor stands for: a finished value and its expanded size, or a collection still being read. */
    private record Anchored(Object value, long size, Frame reading) {
    }

    void accept(JsonToken token, FeedYamlFactory.EventParser parser) throws IOException, DocumentRejectedException {
        Event event = parser.event();
        switch (token) {
            case START_OBJECT, START_ARRAY -> start(token == JsonToken.START_OBJECT, (CollectionStartEvent) event);
            case END_OBJECT, END_ARRAY -> end();
            case FIELD_NAME -> key((ScalarEvent) event, parser);
            default -> {
                if (parser.isCurrentAlias()) {
                    alias(parser.getText(), event.getStartMark());
                } else {
                    scalar((ScalarEvent) event, parser);
                }
            }
        }
    }

    private void start(boolean mapping, CollectionStartEvent event) throws DocumentRejectedException {
        checkGlobalTag(event.getTag(), event.getStartMark());
        if (open.size() > limits.maxNestingDepth()) {
            // The limit and wording of SnakeYAML's composer, which enforced it before.
            throw new DocumentRejectedException("YAML rejected: Nesting Depth exceeded max " + limits.maxNestingDepth());
        }
        beginValue(event.getStartMark());
        Frame frame = new Frame(mapping, event.getAnchor(), explicitTag(event.getTag()), event.getStartMark());
        if (frame.anchor != null) {
            anchors.put(frame.anchor, new Anchored(null, 0, frame));
        }
        open.push(frame);
    }

    private void end() throws DocumentRejectedException {
        Frame frame = open.pop();
        Object value = finishCollection(frame);
        if (frame.anchor != null) {
            Anchored anchored = anchors.get(frame.anchor);
            if (anchored != null && anchored.reading() == frame) {
                anchors.put(frame.anchor, new Anchored(value, frame.size, null));
            }
        }
        addValue(value, frame.size);
    }

    private void key(ScalarEvent event, FeedYamlFactory.EventParser parser) throws DocumentRejectedException {
        checkGlobalTag(event.getTag(), event.getStartMark());
        Frame frame = open.peek();
        Tag tag = parser.scalarTag(event);
        frame.mergeKey = Tag.MERGE.equals(tag);
        frame.key = frame.mergeKey ? event.getValue() : construct(tag, event);
        frame.rawKey = event.getValue();
        frame.keyMark = event.getStartMark();
        frame.hasKey = true;
        long size = event.getValue().length();
        frame.size = saturatedAdd(frame.size, size);
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(frame.key, size, null));
        }
    }

    private void scalar(ScalarEvent event, FeedYamlFactory.EventParser parser) throws DocumentRejectedException {
        checkGlobalTag(event.getTag(), event.getStartMark());
        beginValue(event.getStartMark());
        Object value = construct(parser.scalarTag(event), event);
        long size = event.getValue().length();
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(value, size, null));
        }
        addValue(value, size);
    }

    private void alias(String name, Mark mark) throws DocumentRejectedException {
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw positioned("YAML error", "found undefined alias " + name, mark);
        }
        beginValue(mark);
        aliases++;
        boolean collection = anchored.reading() != null || anchored.value() instanceof Map<?, ?>
                || anchored.value() instanceof List<?> || anchored.value() instanceof Set<?>;
        if (collection && ++collectionAliases > limits.maxAliases()) {
            // The limit and wording of SnakeYAML's composer (aliases to collections), which enforced it before.
            throw new DocumentRejectedException("YAML rejected: Number of aliases for non-scalar nodes exceeds the "
                    + "specified max=" + limits.maxAliases());
        }
        if (anchored.reading() != null) {
            if (recursion == null) {
                recursion = new DocumentRejectedException("YAML aliases: a recursive alias (a collection that contains "
                        + "itself) at line " + (anchored.reading().start.getLine() + 1)
                        + "; a feed document cannot hold one");
            }
            addValue(null, 0);
            return;
        }
        addValue(anchored.value(), anchored.size());
    }

    /** Notes where a top-level field's value starts (the first occurrence of a field name wins). */
    private void beginValue(Mark mark) {
        Frame frame = open.peek();
        if (frame != null && open.size() == 1 && frame.mapping && frame.hasKey && mark != null) {
            fieldPositions.putIfAbsent(frame.rawKey,
                    TextPosition.of(block.bodyFirstLine() + mark.getLine(), mark.getColumn() + 1));
        }
    }

    private void addValue(Object value, long size) throws DocumentRejectedException {
        Frame frame = open.peek();
        if (frame == null) {
            if (hasRoot) {
                throw new DocumentRejectedException("YAML error: expected a single document in the stream (but found "
                        + "another document)");
            }
            hasRoot = true;
            root = value;
            rootSize = size;
            return;
        }
        frame.size = saturatedAdd(frame.size, size);
        if (!frame.mapping) {
            frame.list.add(value);
            return;
        }
        if (frame.mergeKey) {
            if (frame.merges == null) {
                frame.merges = new ArrayList<>();
            }
            frame.merges.add(value);
        } else if (frame.map.containsKey(frame.key)) {
            if (construction == null) {
                construction = positioned("YAML error", "found duplicate key " + frame.key
                        + " (while constructing a mapping)", frame.keyMark);
            }
        } else {
            frame.map.put(frame.key, value);
        }
        frame.hasKey = false;
    }

    private Object finishCollection(Frame frame) {
        if (frame.mapping) {
            Map<Object, Object> map = frame.merges == null ? frame.map : merged(frame);
            if (frame.tag == null || frame.tag.equals(Tag.MAP.getValue())) {
                return map;
            }
            if (frame.tag.equals(SET.getValue())) {
                return new LinkedHashSet<>(map.keySet());
            }
        } else {
            if (frame.tag == null || frame.tag.equals(Tag.SEQ.getValue())) {
                return frame.list;
            }
            if (frame.tag.equals(OMAP.getValue()) || frame.tag.equals(PAIRS.getValue())) {
                return pairs(frame);
            }
        }
        unknownTag(frame.tag, frame.start);
        return null;
    }

    /** The mapping with its merge keys ({@code <<: *base}) applied: its own keys win, then earlier merges. */
    private Map<Object, Object> merged(Frame frame) {
        Map<Object, Object> merged = new LinkedHashMap<>();
        for (Object source : frame.merges) {
            List<?> sources = source instanceof List<?> list ? list : List.of(source == null ? "" : source);
            for (Object item : sources) {
                if (item instanceof Map<?, ?> map) {
                    map.forEach(merged::putIfAbsent);
                } else if (construction == null) {
                    construction = positioned("YAML error", "expected a mapping or list of mappings for merging, but "
                            + "found " + FieldReader.describeType(item), frame.start);
                }
            }
        }
        merged.putAll(frame.map);
        return merged;
    }

    private Object pairs(Frame frame) {
        boolean omap = frame.tag.equals(OMAP.getValue());
        Map<Object, Object> ordered = new LinkedHashMap<>();
        List<Object[]> pairs = new ArrayList<>();
        for (Object item : frame.list) {
            if (!(item instanceof Map<?, ?> map) || map.size() != 1) {
                if (construction == null) {
                    construction = positioned("YAML error", "expected a mapping of length 1, but found "
                            + FieldReader.describeType(item) + " (while constructing an ordered map)", frame.start);
                }
                continue;
            }
            map.forEach((k, v) -> {
                ordered.put(k, v);
                pairs.add(new Object[] {k, v});
            });
        }
        return omap ? ordered : pairs;
    }

    private Object construct(Tag tag, ScalarEvent event) {
        if (Tag.STR.equals(tag)) {
            return event.getValue();
        }
        if (scalars == null) {
            scalars = new YamlScalars();
        }
        try {
            return scalars.construct(tag, event);
        } catch (YamlScalars.UnknownTagException e) {
            unknownTag(tag.getValue(), event.getStartMark());
            return null;
        } catch (YAMLException | IllegalArgumentException e) {
            if (construction == null) {
                construction = positioned("YAML error", "cannot construct the " + tag.getValue() + " value '"
                        + FieldReader.preview(event.getValue()) + "': " + YamlDocumentReader.oneLine(e.getMessage()),
                        event.getStartMark());
            }
            return null;
        }
    }

    private void unknownTag(String tag, Mark mark) {
        if (construction == null) {
            construction = positioned("YAML error", "could not determine a constructor for the tag " + tag, mark);
        }
    }

    /** A global tag that is not one of YAML's own ({@code !!javax...}, {@code !!python/...}) is refused at once. */
    private void checkGlobalTag(String tag, Mark mark) throws DocumentRejectedException {
        if (tag != null && !tag.equals("!") && new Tag(tag).isCustomGlobal()) {
            throw positioned("YAML error", "Global tag is not allowed: " + tag, mark);
        }
    }

    /**
     * @return the document's value
     * @throws DocumentRejectedException for a recursive alias, too many aliases, a document that aliases expand
     *     past {@link ParserLimits#maxExpandedBytes()}, or a value that cannot be constructed
     */
    Object finish() throws DocumentRejectedException {
        if (recursion != null) {
            throw recursion;
        }
        if (aliases > limits.maxAliases()) {
            throw new DocumentRejectedException("YAML aliases: the document uses " + aliases
                    + " aliases, over the limit of " + limits.maxAliases() + " (expanded, its values would take about "
                    + rootSize + " bytes)");
        }
        if (rootSize > limits.maxExpandedBytes()) {
            throw new DocumentRejectedException("expanded document too large: its " + aliases
                    + " aliases expand it to about " + rootSize + " bytes, over the limit of "
                    + limits.maxExpandedBytes() + " bytes");
        }
        if (construction != null) {
            throw construction;
        }
        return root;
    }

    Map<String, String> fieldPositions() {
        return fieldPositions;
    }

    /** A SnakeYAML error the parser let through unwrapped. */
    DocumentRejectedException rejection(YAMLException e) {
        return new DocumentRejectedException("YAML rejected: " + YamlDocumentReader.oneLine(e.getMessage()));
    }

    private static String explicitTag(String tag) {
        return tag == null || tag.equals("!") ? null : tag;
    }

    private DocumentRejectedException positioned(String kind, String problem, Mark mark) {
        if (mark == null) {
            return new DocumentRejectedException(kind + ": " + problem);
        }
        int line = block.bodyFirstLine() + mark.getLine();
        int column = mark.getColumn() + 1;
        return new DocumentRejectedException(kind + " at line " + line + ", column " + column + ": " + problem,
                TextPosition.of(line, column));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
