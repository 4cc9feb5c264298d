package dev.storywire.processor.quality;

import dev.storywire.model.Article;
import dev.storywire.processor.CorpusFiles;
import dev.storywire.processor.cluster.ClusteringSettings;
import dev.storywire.processor.cluster.InMemoryClusterState;
import dev.storywire.processor.cluster.StoryClusterer;
import dev.storywire.processor.text.BackgroundFrequencies;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled corpus window clustered in several arrival orders, straight through {@link StoryClusterer} over
 * in-memory state: file order, reversed, seeded shuffles, and publish-time order (how {@code ingest} and {@code run}
 * deliver a directory).
 */
public final class ArrivalOrders {

    /** Shuffles besides file, reversed and publish-time order: ten orders in all. */
    public static final int SHUFFLES = 7;

    private ArrivalOrders() {
    }

    /** A window's files by name and their articles, as the production parser reads them. */
    public record Window(String name, Map<String, Article> articles, Map<String, String> gold) {

        public static Window load(String name) {
            Map<String, Article> articles = new LinkedHashMap<>();
            CorpusFiles.list(CorpusFiles.window(name))
                    .forEach(file -> articles.put(file.getFileName().toString(), CorpusFiles.read(file)));
            return new Window(name, articles, CorpusEvaluation.labels(CorpusFiles.labels(name)));
        }
    }

    /** The orders by name, each a list of file names. */
    public static Map<String, List<String>> orders(Window window) {
        List<String> files = new ArrayList<>(window.articles().keySet());
        Map<String, List<String>> orders = new LinkedHashMap<>();
        orders.put("file order", List.copyOf(files));
        List<String> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        orders.put("reversed", reversed);
        for (long seed = 1; seed <= SHUFFLES; seed++) {
            List<String> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, new Random(seed));
            orders.put("shuffled " + seed, shuffled);
        }
        orders.put("publish time", files.stream()
                .sorted(Comparator.comparing((String f) -> publishTime(window.articles().get(f))).thenComparing(f -> f))
                .toList());
        return orders;
    }

    /** The story of each file after clustering the files in {@code order}. */
    public static Map<String, String> cluster(Window window, List<String> order, ClusteringSettings settings) {
        StoryClusterer clusterer = new StoryClusterer(settings, new InMemoryClusterState(),
                BackgroundFrequencies.shipped());
        Map<String, String> storyOfArticle = new HashMap<>();
        for (String file : order) {
            Article article = window.articles().get(file);
            long timestamp = publishTime(article).toEpochMilli();
            for (StoryClusterer.Output output : clusterer.cluster(article.id(), article, timestamp).outputs()) {
                if (output.value().storyArticle() != null) {
                    storyOfArticle.put(output.key(), output.value().storyArticle().storyId());
                }
            }
            // As the processor's punctuator does.
            clusterer.expireDue();
        }
        Map<String, String> storyOfFile = new HashMap<>();
        window.articles().forEach((file, article) -> storyOfFile.put(file, storyOfArticle.get(article.id())));
        return storyOfFile;
    }

    /** The scores of every order, by order name. */
    public static Map<String, ClusteringScores> scores(Window window, ClusteringSettings settings) {
        Map<String, ClusteringScores> scores = new LinkedHashMap<>();
        orders(window).forEach((name, order) ->
                scores.put(name, ClusteringScores.of(cluster(window, order, settings), window.gold())));
        return scores;
    }

    private static Instant publishTime(Article article) {
        return article.publishedDateTime() == null ? Instant.EPOCH : article.publishedDateTime();
    }
}
