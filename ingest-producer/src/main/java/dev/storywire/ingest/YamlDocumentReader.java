package dev.storywire.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into plain Java values (maps, lists, strings, numbers, booleans, dates) with SnakeYAML's
 * safe constructor and hard limits, and remembers where each top-level field stands for error positions.
 */
final class YamlDocumentReader {

    private final ParserLimits limits;

    YamlDocumentReader(ParserLimits limits) {
        this.limits = limits;
    }

    /** The fields of a document and where each top-level field's value starts in the input. */
    record YamlDocument(Map<String, Object> fields, Map<String, String> fieldPositions) implements FieldLocator {
        @Override
        public String positionOf(String field) {
            return fieldPositions.get(field);
        }
    }

    YamlDocument read(DocumentBlock block) throws DocumentRejectedException {
        // A new Yaml per document: Yaml instances are not thread-safe and are cheap to build.
        LoaderOptions options = loaderOptions();
        PlainConstructor constructor = new PlainConstructor(options);
        Yaml yaml = new Yaml(constructor, new Representer(new DumperOptions()), new DumperOptions(), options,
                new Resolver());
        Node root;
        Object value;
        try {
            root = yaml.compose(new java.io.StringReader(block.body()));
            if (root != null) {
                AliasExpansion.check(root, limits);
            }
            value = root == null ? null : constructor.construct(root);
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, block);
        } catch (YAMLException e) {
            throw new DocumentRejectedException("YAML rejected: " + oneLine(e.getMessage()));
        } catch (StackOverflowError e) {
            // Defence in depth: the nesting limit should stop this first.
            throw new DocumentRejectedException("YAML rejected: nesting too deep");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new DocumentRejectedException("front matter is not a YAML mapping of fields, it is "
                    + FieldReader.describeType(value), TextPosition.of(block.bodyFirstLine(), 1));
        }
        return new YamlDocument(stringKeys(map), positions((MappingNode) root, block));
    }

    private LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(limits.maxDocumentBytes());
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        // No global tags (!!java/..., !!python/...): SafeConstructor would refuse them anyway; say so early.
        options.setTagInspector(tag -> false);
        options.setProcessComments(false);
        return options;
    }

    private static DocumentRejectedException syntaxError(MarkedYAMLException e, DocumentBlock block) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        String context = e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")";
        // Scanner/parser errors are syntax; composer/constructor ones (duplicate keys, tags) are well-formed YAML.
        String kind = e instanceof ComposerException || e instanceof ConstructorException
                ? "YAML error" : "YAML syntax error";
        if (mark == null) {
            return new DocumentRejectedException(kind + ": " + problem + context);
        }
        int line = block.bodyFirstLine() + mark.getLine();
        int column = mark.getColumn() + 1;
        return new DocumentRejectedException(
                kind + " at line " + line + ", column " + column + ": " + problem + context,
                TextPosition.of(line, column));
    }

    private static Map<String, String> positions(MappingNode root, DocumentBlock block) {
        Map<String, String> positions = new LinkedHashMap<>();
        for (NodeTuple tuple : root.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                Mark mark = tuple.getValueNode().getStartMark();
                if (mark != null) {
                    positions.putIfAbsent(key.getValue(),
                            TextPosition.of(block.bodyFirstLine() + mark.getLine(), mark.getColumn() + 1));
                }
            }
        }
        return positions;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, value) -> fields.put(String.valueOf(key), value));
        return fields;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** SafeConstructor that builds a value from an already composed node (so the node's marks stay available). */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
