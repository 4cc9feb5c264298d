package dev.storywire.faults;

import dev.storywire.faults.PipelineContents.ArticleRow;
import dev.storywire.faults.PipelineContents.StoryRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares what went in (the expected article ids) with what the database and the output topics hold after a
 * scenario: lost and duplicated articles, articles in more than one story, story counts against members, and the
 * database against the latest record per key on the topics.
 */
public final class ConsistencyCheck {

    private static final int MAX_EXAMPLES = 10;

    private ConsistencyCheck() {
    }

    public static CheckResult check(Set<String> expectedIds, PipelineContents database, PipelineContents topics) {
        List<String> examples = new ArrayList<>();
        Set<String> stored = database.articles().stream().filter(ArticleRow::isOwnDocument)
                .map(ArticleRow::articleId).collect(Collectors.toSet());
        Set<String> lost = new TreeSet<>(expectedIds);
        lost.removeAll(stored);
        Set<String> unexpected = new TreeSet<>(stored);
        unexpected.removeAll(expectedIds);
        Set<String> inMultiple = inMoreThanOneStory(topics.members());
        int countMismatches = articleCountMismatches(database, examples);
        int orphans = orphanArticles(database, examples);
        int mismatches = databaseTopicMismatches(database, topics, examples);
        lost.stream().limit(MAX_EXAMPLES).forEach(id -> examples.add("lost " + id));
        unexpected.stream().limit(MAX_EXAMPLES).forEach(id -> examples.add("unexpected row " + id));
        inMultiple.stream().limit(MAX_EXAMPLES).forEach(id -> examples.add("in several stories " + id));
        return new CheckResult(expectedIds.size(), stored.size(), lost.size(), unexpected.size() + inMultiple.size(),
                inMultiple.size(), countMismatches, orphans, mismatches,
                examples.stream().limit(MAX_EXAMPLES * 3L).toList());
    }

    /** Article ids that more than one story lists as a primary or syndicated member. */
    static Set<String> inMoreThanOneStory(Map<String, List<String>> members) {
        Map<String, Integer> stories = new HashMap<>();
        members.values().forEach(ids -> new HashSet<>(ids).forEach(id -> stories.merge(id, 1, Integer::sum)));
        return stories.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Stories whose {@code article_count} is not the number of their primary article rows. */
    static int articleCountMismatches(PipelineContents database, List<String> examples) {
        Map<String, Long> primaries = database.articles().stream().filter(a -> "primary".equals(a.role()))
                .collect(Collectors.groupingBy(ArticleRow::storyId, Collectors.counting()));
        int mismatches = 0;
        for (StoryRow story : database.stories()) {
            long rows = primaries.getOrDefault(story.storyId(), 0L);
            if (rows != story.articleCount()) {
                mismatches++;
                addExample(examples, "story " + story.storyId() + " article_count " + story.articleCount()
                        + " but " + rows + " primary rows");
            }
        }
        return mismatches;
    }

    /** Article rows pointing at a story that has no row. */
    static int orphanArticles(PipelineContents database, List<String> examples) {
        Set<String> storyIds = database.stories().stream().map(StoryRow::storyId).collect(Collectors.toSet());
        int orphans = 0;
        for (ArticleRow article : database.articles()) {
            if (!storyIds.contains(article.storyId())) {
                orphans++;
                addExample(examples, "article " + article.articleId() + " in missing story " + article.storyId());
            }
        }
        return orphans;
    }

    /** Stories and articles present on one side only, or with another story, role, count or version. */
    static int databaseTopicMismatches(PipelineContents database, PipelineContents topics, List<String> examples) {
        int stories = differing(index(database.stories(), StoryRow::storyId), index(topics.stories(), StoryRow::storyId),
                "story", examples);
        // Related rows come from the stories' member lists, not from stories.articles: only own documents compare.
        int articles = differing(index(ownDocuments(database), ArticleRow::articleId),
                index(ownDocuments(topics), ArticleRow::articleId), "article", examples);
        return stories + articles;
    }

    private static List<ArticleRow> ownDocuments(PipelineContents contents) {
        return contents.articles().stream().filter(ArticleRow::isOwnDocument).toList();
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(key.apply(row), row));
        return byKey;
    }

    private static <T> int differing(Map<String, T> database, Map<String, T> topic, String what, List<String> examples) {
        Set<String> keys = new TreeSet<>(database.keySet());
        keys.addAll(topic.keySet());
        int differing = 0;
        for (String key : keys) {
            T inDatabase = database.get(key);
            T onTopic = topic.get(key);
            if (!Objects.equals(inDatabase, onTopic)) {
                differing++;
                addExample(examples, what + " " + key + ": database " + inDatabase + ", topic " + onTopic);
            }
        }
        return differing;
    }

    private static void addExample(List<String> examples, String example) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }
}
