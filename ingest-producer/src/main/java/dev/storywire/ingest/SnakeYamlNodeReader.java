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
 * The previous front-matter reader: composes SnakeYAML's node graph, then constructs plain Java values from it.
 * Replaced by {@link YamlDocumentReader} (Jackson's streaming parser, about twice as fast); kept as the reference the
 * new reader is compared with in tests and in {@code bench/ingest} ({@link FeedDocumentParser#snakeYamlReference}).
 */
final class SnakeYamlNodeReader implements FrontMatterReader {

    private final ParserLimits limits;

    SnakeYamlNodeReader(ParserLimits limits) {
        this.limits = limits;
    }

    @Override
    public YamlDocument read(DocumentBlock block) throws DocumentRejectedException {
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
                SnakeYamlAliasExpansion.check(root, limits);
            }
            value = root == null ? null : constructor.construct(root);
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, block);
        } catch (YAMLException e) {
            throw new DocumentRejectedException("YAML rejected: " + YamlDocumentReader.oneLine(e.getMessage()));
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

    static DocumentRejectedException syntaxError(MarkedYAMLException e, DocumentBlock block) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = YamlDocumentReader.oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        String context = e.getContext() == null ? "" : " (" + YamlDocumentReader.oneLine(e.getContext()) + ")";
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
