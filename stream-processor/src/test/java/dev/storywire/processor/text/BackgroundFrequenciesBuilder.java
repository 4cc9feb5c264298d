package dev.storywire.processor.text;

import dev.storywire.model.Article;
import dev.storywire.model.RelatedItem;
import dev.storywire.processor.CorpusFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regenerates the shipped background document-frequency table from a feed corpus: every feed document under the
 * corpus directory and every item of their related lists counts once per canonical id (title and excerpt, the
 * text the clustering sees). Terms seen in fewer than {@value #MIN_DOCUMENT_FREQUENCY} documents are left out:
 * an absent term already gets the highest weight, so they would only make the file bigger.
 *
 * <pre>
 * mvn -B -o -pl stream-processor test-compile exec:java ... (or from the IDE):
 *   BackgroundFrequenciesBuilder /work/shared/corpus/everyday-ai \
 *       stream-processor/src/main/resources/dev/storywire/processor/text/background-df.tsv
 * </pre>
 */
public final class BackgroundFrequenciesBuilder {

    static final int MIN_DOCUMENT_FREQUENCY = 2;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFrequenciesBuilder.class);

    private BackgroundFrequenciesBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: BackgroundFrequenciesBuilder <corpus dir> <output tsv>");
        }
        Map<String, String> texts = documentTexts(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), table(texts.values()), StandardCharsets.UTF_8);
        LOG.info("Wrote {} from {} documents", args[1], texts.size());
    }

    /** Canonical id to "title excerpt" of every document and related item under {@code corpus}, first seen wins. */
    static Map<String, String> documentTexts(Path corpus) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : feedFiles(corpus)) {
            Article article;
            try {
                article = CorpusFiles.read(file);
            } catch (RuntimeException e) {
                LOG.warn("Skipping unreadable feed file {}: {}", file, e.toString());
                continue;
            }
            texts.putIfAbsent(article.id(), text(article.title(), article.excerpt()));
            for (RelatedItem item : article.related()) {
                if (item.id() != null) {
                    texts.putIfAbsent(item.id(), text(item.title(), item.excerpt()));
                }
            }
        }
        return texts;
    }

    static String table(Iterable<String> texts) {
        Map<String, Long> frequencies = new TreeMap<>();
        long documents = 0;
        for (String text : texts) {
            documents++;
            TermVector.of(text, null, 1).keySet().forEach(term -> frequencies.merge(term, 1L, Long::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append(BackgroundFrequencies.DOCUMENTS_LINE).append('\t').append(documents).append('\n');
        frequencies.forEach((term, df) -> {
            if (df >= MIN_DOCUMENT_FREQUENCY) {
                out.append(term).append('\t').append(df).append('\n');
            }
        });
        return out.toString();
    }

    private static List<Path> feedFiles(Path corpus) throws IOException {
        try (Stream<Path> files = Files.walk(corpus)) {
            return new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals("SOURCE.md"))
                    .sorted()
                    .toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String text(String title, String excerpt) {
        return (title == null ? "" : title) + "\n" + (excerpt == null ? "" : excerpt);
    }
}
