package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void shouldWeighTitleTermsAndKeepTheLeadTerm() {
        ArticleText text = ArticleText.of("Moderna vaccine trial", "Moderna says the vaccine trial ends.", 3);

        assertThat(text.vector().asMap()).containsEntry("moderna", 4).containsEntry("vaccin", 4).containsEntry("end", 1);
        assertThat(text.titleVector().asMap()).containsOnlyKeys("moderna", "vaccin", "trial");
        assertThat(text.lead()).isEqualTo("moderna");
    }

    @Test
    void shouldTakeTheLeadTermForTheSubjectOnlyWhenTheExcerptRepeatsIt() {
        assertThat(ArticleText.of("Worldwide AI in computer vision market", "The AI in computer vision market grows.", 3)
                .lead()).isNull();
        assertThat(ArticleText.of("XAPP AI achieves AWS competency", "XAPP AI announced today it achieved it.", 3)
                .lead()).isEqualTo("xapp");
        assertThat(ArticleText.of("XAPP AI achieves AWS competency", "", 3).lead()).isEqualTo("xapp");
    }

    @Test
    void shouldShareAPassageOnlyWithTextCopiedFromTheSameSource() {
        ArticleText release = ArticleText.of("Worldwide AI in computer vision industry to 2027",
                "The AI in Computer Vision Market Forecast to 2027 - COVID-19 Impact and Global Analysis report", 3);
        ArticleText copy = ArticleText.of("Insights on the AI in computer vision global market",
                "DUBLIN -- The AI in Computer Vision Market Forecast to 2027 - COVID-19 Impact and Global ...", 3);
        ArticleText other = ArticleText.of("Computer vision market to grow",
                "The computer vision market forecast to 2027 sees growth in global analysis tools", 3);

        assertThat(release.passages().overlaps(copy.passages())).isTrue();
        assertThat(release.passages().overlaps(other.passages())).isFalse();
    }

    @Test
    void shouldUseTheCanonicalInstanceOfEveryTerm() {
        Map<String, String> instances = new HashMap<>();
        UnaryOperator<String> canonical = term -> instances.computeIfAbsent(term, t -> t);

        ArticleText text = ArticleText.of("Moderna vaccine trial", "Moderna says the vaccine trial ends.", 3, canonical);

        text.vector().asMap().keySet().forEach(term -> assertThat(term).isSameAs(instances.get(term)));
        text.titleVector().asMap().keySet().forEach(term -> assertThat(term).isSameAs(instances.get(term)));
        assertThat(text.lead()).isSameAs(instances.get("moderna"));
    }
}
