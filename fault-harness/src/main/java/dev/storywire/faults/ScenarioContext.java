package dev.storywire.faults;

import dev.storywire.model.CanonicalUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every scenario shares: where child processes find their classes, where a scenario keeps its files, how many
 * articles it feeds and how long it may wait.
 *
 * @param classpath of the child JVMs
 * @param workRoot each scenario works in a directory of its own under it
 * @param articles distinct articles per scenario
 * @param timeout how long a scenario waits for recovery and for the pipeline to catch up
 */
public record ScenarioContext(String classpath, Path workRoot, int articles, Duration timeout) {

    /** Share of the input a component has handled when the fault strikes: mid-stream. */
    static final double FAULT_AT = 0.3;

    Path workDir(String scenario) {
        return workRoot.resolve(scenario);
    }

    /** Empties the scenario's directory: a rerun must not meet an earlier run's broker data or database. */
    void resetWorkDir(String scenario) {
        dev.storywire.embedded.Directories.deleteQuietly(workDir(scenario));
    }

    /** Writes the scenario's feed; the seed differs per scenario so that no two runs share article ids. */
    SyntheticArticles.Feed writeFeed(String scenario) {
        return SyntheticArticles.write(workDir(scenario).resolve("feed"), articles, scenario.hashCode() & 0xffff,
                Instant.now());
    }

    static Set<String> expectedIds(SyntheticArticles.Feed feed) {
        return feed.articles().stream().map(a -> CanonicalUrl.canonicalId(a.url())).collect(Collectors.toSet());
    }

    static String sqliteUrl(Path workDir) {
        return "jdbc:sqlite:" + workDir.resolve("stories.db").toAbsolutePath();
    }
}
