package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the generated part of {@code docs/sink-connector.md} equal to the {@code ConfigDef}. */
class ConfigReferenceTest {

    /** Surefire runs in the module directory; the docs live at the repository root. */
    private static final Path PAGE = Path.of("..", "docs", "sink-connector.md");
    private static final String WRITE_PROPERTY = "storywire.docs.write";
    private static final String REGENERATE = "mvn -B -o -pl sink-connector test -Dtest=ConfigReferenceTest -D"
            + WRITE_PROPERTY + "=true";

    @Test
    void shouldMatchTheCommittedConfigReference() throws IOException {
        String page = Files.readString(PAGE);
        int begin = page.indexOf(ConfigReference.BEGIN);
        int end = page.indexOf(ConfigReference.END);
        assertThat(begin).as("%s has the marker %s", PAGE, ConfigReference.BEGIN).isNotNegative();
        assertThat(end).as("%s has the marker %s", PAGE, ConfigReference.END).isGreaterThan(begin);
        String committed = page.substring(begin + ConfigReference.BEGIN.length(), end);
        String generated = "\n\n" + ConfigReference.markdown();

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(PAGE, page.substring(0, begin) + ConfigReference.BEGIN + generated + page.substring(end));
            return;
        }
        assertThat(committed).as("%s is stale; regenerate it with: %s", PAGE.normalize(), REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void shouldListEveryKeyWithItsDefault() {
        String reference = ConfigReference.markdown();

        assertThat(StorySinkConfig.CONFIG_DEF.names()).allSatisfy(name -> assertThat(reference).contains("`" + name + "`"));
        assertThat(reference).contains("### Connection", "### Writes", "### Retries", "### Topics",
                "| Default | `500` |", "| Default | (required) |", "| Valid values | [1,...] |");
    }
}
