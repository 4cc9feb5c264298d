package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.CanonicalUrl;
import org.junit.jupiter.api.Test;

class UrlFormsTest {

    private static final String URL = "https://provider7.example/news/s1-42";

    @Test
    void shouldGiveEveryFormTheCanonicalIdOfTheOriginal() {
        String id = CanonicalUrl.canonicalId(URL);

        assertThat(UrlForms.all(URL)).hasSize(4).allSatisfy(form -> assertThat(CanonicalUrl.canonicalId(form))
                .isEqualTo(id));
    }

    @Test
    void shouldWriteEachFormDifferentlyFromTheOriginal() {
        assertThat(UrlForms.all(URL)).doesNotContain(URL).doesNotHaveDuplicates();
        assertThat(UrlForms.of(URL, UrlForms.Form.AMP_CACHE)).contains(".cdn.ampproject.org/c/s/");
        assertThat(UrlForms.of(URL, UrlForms.Form.WWW_UTM)).startsWith("https://www.").contains("utm_source=");
        assertThat(UrlForms.of(URL, UrlForms.Form.UPPER_CASE_FRAGMENT)).contains("PROVIDER7.EXAMPLE").endsWith("#comments");
    }

    @Test
    void shouldCycleThroughTheFormsByNumber() {
        assertThat(UrlForms.variant(URL, 1)).isEqualTo(UrlForms.of(URL, UrlForms.Form.AMP));
        assertThat(UrlForms.variant(URL, 5)).isEqualTo(UrlForms.of(URL, UrlForms.Form.AMP));
    }
}
