package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.faults.PipelineContents.ArticleRow;
import dev.storywire.faults.PipelineContents.StoryRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

    private static final Set<String> EXPECTED = Set.of("a", "b", "c");
    private static final List<ArticleRow> ARTICLES = List.of(new ArticleRow("a", "s1", "primary"),
            new ArticleRow("b", "s1", "syndicated"), new ArticleRow("c", "s2", "primary"));
    private static final List<StoryRow> STORIES = List.of(new StoryRow("s1", 1, 3), new StoryRow("s2", 1, 1));
    private static final Map<String, List<String>> MEMBERS = Map.of("s1", List.of("a", "b"), "s2", List.of("c"));

    private static PipelineContents database(List<ArticleRow> articles, List<StoryRow> stories) {
        return new PipelineContents(articles, stories, Map.of());
    }

    private static PipelineContents topics(List<ArticleRow> articles, List<StoryRow> stories,
            Map<String, List<String>> members) {
        return new PipelineContents(articles, stories, members);
    }

    @Test
    void shouldPassWhenDatabaseAndTopicsHoldEveryArticleOnce() {
        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, STORIES),
                topics(ARTICLES, STORIES, MEMBERS));

        assertThat(result.clean()).isTrue();
        assertThat(result.stored()).isEqualTo(3);
        assertThat(result.examples()).isEmpty();
    }

    @Test
    void shouldCountAnExpectedArticleWithoutRowAsLost() {
        List<ArticleRow> withoutC = ARTICLES.subList(0, 2);

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(withoutC, STORIES.subList(0, 1)),
                topics(withoutC, STORIES.subList(0, 1), Map.of("s1", List.of("a", "b"))));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.duplicated()).isZero();
        assertThat(result.examples()).contains("lost c");
    }

    @Test
    void shouldNotCountARelatedRowAsTheArticle() {
        List<ArticleRow> cOnlyRelated = List.of(ARTICLES.get(0), ARTICLES.get(1), new ArticleRow("c", "s1", "related"));

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(cOnlyRelated, STORIES.subList(0, 1)),
                topics(ARTICLES.subList(0, 2), STORIES.subList(0, 1), Map.of("s1", List.of("a", "b"))));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.databaseTopicMismatches()).isZero();
    }

    @Test
    void shouldCountARowForAnUnexpectedIdAsDuplicated() {
        List<ArticleRow> withCopy = new java.util.ArrayList<>(ARTICLES);
        withCopy.add(new ArticleRow("www.c", "s2", "primary"));
        List<StoryRow> stories = List.of(STORIES.get(0), new StoryRow("s2", 2, 2));

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(withCopy, stories),
                topics(withCopy, stories, Map.of("s1", List.of("a", "b"), "s2", List.of("c", "www.c"))));

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void shouldCountAnArticleListedInTwoStoriesOnTheTopic() {
        Map<String, List<String>> members = Map.of("s1", List.of("a", "b"), "s2", List.of("c", "a"));

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, STORIES),
                topics(ARTICLES, STORIES, members));

        assertThat(result.inMultipleStories()).isEqualTo(1);
        assertThat(result.duplicated()).isEqualTo(1);
    }

    @Test
    void shouldFlagAnArticleCountThatDiffersFromThePrimaryRows() {
        List<StoryRow> wrongCount = List.of(new StoryRow("s1", 2, 3), STORIES.get(1));

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, wrongCount),
                topics(ARTICLES, wrongCount, MEMBERS));

        assertThat(result.articleCountMismatches()).isEqualTo(1);
        assertThat(result.databaseTopicMismatches()).isZero();
    }

    @Test
    void shouldFlagAnArticleWhoseStoryHasNoRow() {
        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, STORIES.subList(0, 1)),
                topics(ARTICLES, STORIES.subList(0, 1), MEMBERS));

        assertThat(result.orphanArticles()).isEqualTo(1);
    }

    @Test
    void shouldFlagDatabaseRowsThatDifferFromTheLatestRecordOnTheTopics() {
        List<ArticleRow> movedOnTopic = List.of(ARTICLES.get(0), ARTICLES.get(1), new ArticleRow("c", "s1", "primary"));
        List<StoryRow> newerOnTopic = List.of(new StoryRow("s1", 1, 4), STORIES.get(1));

        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, STORIES),
                topics(movedOnTopic, newerOnTopic, MEMBERS));

        assertThat(result.databaseTopicMismatches()).isEqualTo(2);
    }

    @Test
    void shouldFlagAStoryDeletedOnTheTopicButStillInTheDatabase() {
        CheckResult result = ConsistencyCheck.check(EXPECTED, database(ARTICLES, STORIES),
                topics(ARTICLES, STORIES.subList(0, 1), MEMBERS));

        assertThat(result.databaseTopicMismatches()).isEqualTo(1);
    }
}
