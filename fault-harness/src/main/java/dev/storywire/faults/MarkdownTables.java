package dev.storywire.faults;

import java.util.List;
import java.util.Locale;

/** The fault and hostile-input figures as Markdown tables, for docs/reliability.md. */
public final class MarkdownTables {

    private MarkdownTables() {
    }

    public static String scenarios(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder("| scenario | fault | articles (documents) | lost | duplicated | "
                + "in 2+ stories | count / orphan / db-vs-topic mismatches | recovery s | caught up s | result |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            CheckResult c = r.check();
            table.append("| ").append(r.name())
                    .append(" | ").append(r.fault())
                    .append(" | ").append(r.articles()).append(" (").append(r.documents()).append(')')
                    .append(" | ").append(number(r.lost()))
                    .append(" | ").append(number(r.duplicated()))
                    .append(" | ").append(c == null ? "-" : String.valueOf(c.inMultipleStories()))
                    .append(" | ").append(c == null ? "-" : c.articleCountMismatches() + " / " + c.orphanArticles()
                            + " / " + c.databaseTopicMismatches())
                    .append(" | ").append(seconds(r.recoverySeconds()))
                    .append(" | ").append(seconds(r.catchUpSeconds()))
                    .append(" | ").append(r.passed() ? "clean" : r.error() != null ? "error: " + cell(r.error())
                            : "FAILED")
                    .append(" |\n");
        }
        return table.toString();
    }

    public static String hostileInputs(List<HostileInputResult> results) {
        StringBuilder table = new StringBuilder("| input | tried | exit | published / rejected | valid file after it "
                + "published | reason | time s | peak RSS MB |\n|---|---|---|---|---|---|---|---|\n");
        for (HostileInputResult r : results) {
            table.append("| ").append(r.name())
                    .append(" | ").append(cell(r.tried()))
                    .append(" | ").append(r.exitCode() == null ? "killed after timeout" : r.exitCode())
                    .append(" | ").append(r.published()).append(" / ").append(r.rejected())
                    .append(" | ").append(r.validPublished() ? "yes" : "NO")
                    .append(" | ").append(r.reasons().isEmpty() ? "-" : cell(shorten(String.join("; ", r.reasons()))))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", r.seconds()))
                    .append(" | ").append(r.maxRssMegabytes() == null ? "-" : r.maxRssMegabytes())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String number(int value) {
        return value < 0 ? "not checked" : String.valueOf(value);
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Pipes and line breaks would break a table row. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
