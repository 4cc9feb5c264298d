package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.CanonicalUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline, as {@code ./storywire run} runs it, over the five seed documents. */
class RunPipelineIT {

    private static final Path SEEDS = Path.of("..", "samples", "feed", "seeds");

    private static final String AP_2021 = "https://apnews.com/24363cebd3bbf6e07d14240e1475a1ff";
    private static final String STARTRIBUNE_2020 =
            "https://www.startribune.com/amazon-pauses-police-use-of-its-facial-recognition-for-year/571170662/";
    private static final String USNEWS_2021 = "https://www.usnews.com/news/top-news/articles/2021-05-18/"
            + "exclusive-amazon-extends-moratorium-on-police-use-of-facial-recognition-software";
    private static final String ZDNET_2021 = "https://www.zdnet.com/article/amazon-extends-ban-on-police-using-"
            + "rekognition-facial-recognition-technology-no-end-in-sight/";
    private static final String COURTHOUSE_2022 =
            "https://www.courthousenews.com/amazon-to-extend-ban-on-police-use-of-face-recognition-tech/";

    @TempDir
    Path tempDir;

    @Test
    void shouldClusterTheSeedsIntoStoriesInTheDatabase() throws Exception {
        String db = "jdbc:sqlite:" + tempDir.resolve("seeds.db");
        Path extra = Files.createDirectories(tempDir.resolve("extra"));
        // The AP article again, under another URL form, and a document that is not a feed document at all.
        String apSeed = Files.readString(SEEDS.resolve("000_0d924a55044443c6.txt"));
        Files.writeString(extra.resolve("ap-again.md"), apSeed.replace("webUrl: \"" + AP_2021 + "\"",
                "webUrl: \"https://www.apnews.com/24363cebd3bbf6e07d14240e1475a1ff/?utm_source=newsletter\""));
        Files.writeString(extra.resolve("broken.md"), "just some text, no front matter\n");

        int exitCode = StorywireCli.execute("run", "--input", SEEDS.toString(), "--input", extra.toString(),
                "--db", db);

        assertThat(exitCode).isZero();
        Map<String, String> storyOfPrimary = primaryRows(db);
        assertThat(storyOfPrimary).hasSize(5);
        String moratorium = storyOfPrimary.get(CanonicalUrl.canonicalId(AP_2021));
        assertThat(storyOfPrimary.get(CanonicalUrl.canonicalId(USNEWS_2021))).isEqualTo(moratorium);
        assertThat(storyOfPrimary.get(CanonicalUrl.canonicalId(ZDNET_2021))).isEqualTo(moratorium);
        assertThat(storyOfPrimary.get(CanonicalUrl.canonicalId(STARTRIBUNE_2020))).isNotEqualTo(moratorium);
        // Courthouse News stamped its copy of the May 2021 story 2022-01-16. The clustering takes that for a wrong
        // date once two articles came before it, which partitions interleaving may or may not give; it never joins
        // the June 2020 story.
        String courthouse = storyOfPrimary.get(CanonicalUrl.canonicalId(COURTHOUSE_2022));
        assertThat(courthouse).isNotEqualTo(storyOfPrimary.get(CanonicalUrl.canonicalId(STARTRIBUNE_2020)));
        assertThat(storyArticleCount(db, moratorium)).isEqualTo(courthouse.equals(moratorium) ? 4 : 3);
        assertThat(urlOf(db, CanonicalUrl.canonicalId(ZDNET_2021))).isEqualTo(ZDNET_2021);
    }

    private static String urlOf(String db, String articleId) throws SQLException {
        return single(db, "SELECT url FROM story_articles WHERE article_id = '" + articleId + "'");
    }

    private static int storyArticleCount(String db, String storyId) throws SQLException {
        return Integer.parseInt(single(db, "SELECT article_count FROM stories WHERE story_id = '" + storyId + "'"));
    }

    private static Map<String, String> primaryRows(String db) throws SQLException {
        return rows(db, "SELECT article_id, story_id FROM story_articles WHERE role = 'primary'");
    }

    /** The first column of the one row {@code sql} selects. */
    private static String single(String db, String sql) throws SQLException {
        Map<String, String> rows = rows(db, sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.keySet().iterator().next();
    }

    /** First column to second column (or to itself) of every row {@code sql} selects. */
    private static Map<String, String> rows(String db, String sql) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            boolean twoColumns = result.getMetaData().getColumnCount() > 1;
            while (result.next()) {
                rows.put(result.getString(1), result.getString(twoColumns ? 2 : 1));
            }
        }
        return rows;
    }
}
