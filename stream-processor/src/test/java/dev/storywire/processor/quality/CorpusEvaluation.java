package dev.storywire.processor.quality;

import dev.storywire.model.Article;
import dev.storywire.processor.CorpusFiles;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.TopologyFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a corpus window through the topology and scores the stories against the gold labels of its files. */
public final class CorpusEvaluation {

    private CorpusEvaluation() {
    }

    /** Gold labels: file name to story, from a labels TSV with a header line (file, web_url, story). */
    public static Map<String, String> labels(Path tsv) {
        try {
            Map<String, String> labels = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(tsv);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t");
                if (columns.length >= 3) {
                    labels.put(columns[0], columns[2]);
                }
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read labels " + tsv, e);
        }
    }

    /** The story of each file of {@code window}, processed in publish-time order. */
    public static Map<String, String> predict(ProcessorConfig config, Path window, Path stateDir) {
        Map<String, Article> byFile = new HashMap<>();
        CorpusFiles.list(window).forEach(file -> byFile.put(file.getFileName().toString(), CorpusFiles.read(file)));
        List<String> order = byFile.keySet().stream()
                .sorted(Comparator.comparing((String f) -> publishTime(byFile.get(f))).thenComparing(f -> f))
                .toList();
        try (TopologyFixture topology = new TopologyFixture(config, stateDir)) {
            order.forEach(file -> topology.pipe(byFile.get(file)));
            Map<String, String> storyOfArticle = topology.storyOfArticles();
            Map<String, String> storyOfFile = new HashMap<>();
            byFile.forEach((file, article) -> storyOfFile.put(file, storyOfArticle.get(article.id())));
            return storyOfFile;
        }
    }

    public static ClusteringScores evaluate(ProcessorConfig config, Path window, Path labelsTsv, Path stateDir) {
        return ClusteringScores.of(predict(config, window, stateDir), labels(labelsTsv));
    }

    /**
     * The pairwise errors, one line each: {@code wrongly joined} (same predicted story, different gold stories)
     * and {@code missed} (same gold story, different predicted stories), named by file.
     */
    public static List<String> pairErrors(Map<String, String> predicted, Map<String, String> gold) {
        List<String> files = gold.keySet().stream().filter(predicted::containsKey).sorted().toList();
        List<String> errors = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                String a = files.get(i);
                String b = files.get(j);
                boolean samePredicted = predicted.get(a).equals(predicted.get(b));
                boolean sameGold = gold.get(a).equals(gold.get(b));
                if (samePredicted != sameGold) {
                    errors.add((samePredicted ? "wrongly joined: " : "missed: ") + a + " + " + b);
                }
            }
        }
        return errors;
    }

    private static Instant publishTime(Article article) {
        return article.publishedDateTime() == null ? Instant.EPOCH : article.publishedDateTime();
    }
}
