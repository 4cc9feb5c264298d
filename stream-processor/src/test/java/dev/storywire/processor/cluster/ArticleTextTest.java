package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void shouldWeighTitleTermsAndKeepTheLeadTerm() {
        ArticleText text = ArticleText.of("Moderna vaccine trial", "The vaccine trial ends.", 3);

        assertThat(text.vector().asMap()).containsEntry("moderna", 3).containsEntry("vaccin", 4).containsEntry("end", 1);
        assertThat(text.titleVector().asMap()).containsOnlyKeys("moderna", "vaccin", "trial");
        assertThat(text.lead()).isEqualTo("moderna");
    }

    @Test
    void shouldUseTheCanonicalInstanceOfEveryTerm() {
        Map<String, String> instances = new HashMap<>();
        UnaryOperator<String> canonical = term -> instances.computeIfAbsent(term, t -> t);

        ArticleText text = ArticleText.of("Moderna vaccine trial", "The vaccine trial ends.", 3, canonical);

        text.vector().asMap().keySet().forEach(term -> assertThat(term).isSameAs(instances.get(term)));
        text.titleVector().asMap().keySet().forEach(term -> assertThat(term).isSameAs(instances.get(term)));
        assertThat(text.lead()).isSameAs(instances.get("moderna"));
    }
}
