package dev.storywire.faults;

import java.util.List;

/**
 * The verdict of {@link ConsistencyCheck} after a scenario.
 *
 * @param expected distinct articles fed in
 * @param stored database rows with role primary or syndicated
 * @param lost expected articles without such a row
 * @param duplicated such rows for ids that were not expected (a URL form that escaped dedupe) plus articles listed
 *                   in more than one story on the {@code stories} topic
 * @param inMultipleStories articles listed as members of more than one live story on the {@code stories} topic
 * @param articleCountMismatches stories whose {@code article_count} differs from their primary rows
 * @param orphanArticles article rows whose story has no row
 * @param databaseTopicMismatches stories and (primary or syndicated) articles where the database differs from the latest record per key on
 *                                the output topics
 * @param examples a few of the ids behind the numbers, for the report
 */
public record CheckResult(int expected, int stored, int lost, int duplicated, int inMultipleStories,
        int articleCountMismatches, int orphanArticles, int databaseTopicMismatches, List<String> examples) {

    public CheckResult {
        examples = List.copyOf(examples);
    }

    /** True when nothing is lost, duplicated or inconsistent. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean clean() {
        return lost == 0 && duplicated == 0 && inMultipleStories == 0 && articleCountMismatches == 0
                && orphanArticles == 0 && databaseTopicMismatches == 0;
    }
}
