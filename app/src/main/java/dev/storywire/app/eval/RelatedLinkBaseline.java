package dev.storywire.app.eval;

import dev.storywire.model.Article;
import dev.storywire.model.RelatedItem;
import java.util.HashMap;
import java.util.Map;

/**
 * The related-links baseline: connected components of the graph whose nodes are articles (the documents and the
 * items of their related lists) and whose edges are related links, as if every link meant "same story".
 */
public final class RelatedLinkBaseline {

    private final Map<String, String> parent = new HashMap<>();

    /** The component of each document, keyed by the caller's document key (for example the file name). */
    public static Map<String, String> components(Map<String, Article> documents) {
        RelatedLinkBaseline graph = new RelatedLinkBaseline();
        documents.values().forEach(article -> {
            graph.find(article.id());
            for (RelatedItem item : article.related()) {
                if (item.id() != null) {
                    graph.union(article.id(), item.id());
                }
            }
        });
        Map<String, String> result = new HashMap<>();
        documents.forEach((key, article) -> result.put(key, graph.find(article.id())));
        return result;
    }

    private String find(String id) {
        String root = id;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        parent.putIfAbsent(id, id);
        String node = id;
        while (!node.equals(root)) {
            String next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

    private void union(String a, String b) {
        String rootA = find(a);
        String rootB = find(b);
        if (!rootA.equals(rootB)) {
            // Deterministic: the smaller id becomes the root.
            if (rootA.compareTo(rootB) < 0) {
                parent.put(rootB, rootA);
            } else {
                parent.put(rootA, rootB);
            }
        }
    }
}
