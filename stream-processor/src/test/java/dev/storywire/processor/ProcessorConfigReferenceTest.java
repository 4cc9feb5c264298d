package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.config.ConfigMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the generated part of {@code docs/stream-processor-config.md} equal to {@link ProcessorConfig#CONFIG_DEF}. */
class ProcessorConfigReferenceTest {

    /** Surefire runs in the module directory; the docs live at the repository root. */
    private static final Path PAGE = Path.of("..", "docs", "stream-processor-config.md");
    private static final String WRITE_PROPERTY = "storywire.docs.write";
    private static final String REGENERATE = "mvn -B -pl stream-processor -am test -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dtest=ProcessorConfigReferenceTest -D" + WRITE_PROPERTY + "=true";

    @Test
    void shouldMatchTheCommittedConfigReference() throws IOException {
        String page = Files.readString(PAGE);
        String generated = ConfigMarkdown.of(ProcessorConfig.CONFIG_DEF);
        String expected = ConfigMarkdown.embed(page, generated);

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(PAGE, expected);
            return;
        }
        assertThat(page).as("%s is stale; regenerate it with: %s", PAGE.normalize(), REGENERATE).isEqualTo(expected);
    }

    @Test
    void shouldListEveryKeyWithItsDefaultAndValidValues() {
        String reference = ConfigMarkdown.of(ProcessorConfig.CONFIG_DEF);

        assertThat(ProcessorConfig.CONFIG_DEF.names())
                .allSatisfy(name -> assertThat(reference).contains("#### `" + name + "`"));
        assertThat(reference).contains("### Topics", "### Joining a story", "### Retention",
                "| Default | `0.33` |", "| Default | `P7D` |", "| Valid values | [0.0,...,1.0] |");
    }
}
