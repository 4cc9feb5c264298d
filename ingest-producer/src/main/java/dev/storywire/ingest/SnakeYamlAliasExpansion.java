package dev.storywire.ingest;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Measures what a composed YAML document becomes once its aliases are expanded, before anything is built from it.
 *
 * <p>SnakeYAML composes an alias as a second reference to the anchored node, and limits only aliases to collections.
 * One 400 KB scalar referenced 500 times is therefore a 401 KB document that turns into a 200 MB record. Walking the
 * node graph once, with each node's expanded size remembered, measures that in time linear in the document.
 */
final class SnakeYamlAliasExpansion {

    private final Map<Node, Long> expandedSizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private int aliases;

    private SnakeYamlAliasExpansion() {
    }

    /**
     * @throws DocumentRejectedException when the document uses more aliases than {@link ParserLimits#maxAliases()},
     *     refers to itself through an alias, or expands past {@link ParserLimits#maxExpandedBytes()}
     */
    static void check(Node root, ParserLimits limits) throws DocumentRejectedException {
        SnakeYamlAliasExpansion walk = new SnakeYamlAliasExpansion();
        long expanded = walk.size(root);
        if (walk.aliases > limits.maxAliases()) {
            throw new DocumentRejectedException("YAML aliases: the document uses " + walk.aliases
                    + " aliases, over the limit of " + limits.maxAliases() + " (expanded, its values would take about "
                    + expanded + " bytes)");
        }
        if (expanded > limits.maxExpandedBytes()) {
            throw new DocumentRejectedException("expanded document too large: its " + walk.aliases
                    + " aliases expand it to about " + expanded + " bytes, over the limit of "
                    + limits.maxExpandedBytes() + " bytes");
        }
    }

    private long size(Node node) throws DocumentRejectedException {
        if (inProgress.containsKey(node)) {
            throw new DocumentRejectedException("YAML aliases: a recursive alias (a collection that contains itself) at "
                    + "line " + (node.getStartMark() == null ? "?" : node.getStartMark().getLine() + 1)
                    + "; a feed document cannot hold one");
        }
        Long known = expandedSizes.get(node);
        if (known != null) {
            aliases++; // the anchored node was reached before: this reference is an alias
            return known;
        }
        inProgress.put(node, Boolean.TRUE);
        long size = 0;
        if (node instanceof ScalarNode scalar) {
            size = scalar.getValue().length();
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                size = saturatedAdd(size, size(item));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                size = saturatedAdd(size, saturatedAdd(size(tuple.getKeyNode()), size(tuple.getValueNode())));
            }
        }
        inProgress.remove(node);
        expandedSizes.put(node, size);
        return size;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
