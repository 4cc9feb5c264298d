package dev.storywire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    private static final String CANONICAL = "cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/",
        "http://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16",
        "https://WWW.CbsNews.com/video/facial-recognition-video-60-minutes-2021-05-16/",
        "https://www.cbsnews.com/amp/video/facial-recognition-video-60-minutes-2021-05-16/",
        "https://www-cbsnews-com.cdn.ampproject.org/c/s/www.cbsnews.com/amp/video/facial-recognition-video-60-minutes-2021-05-16/",
        "https://amp.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/amp",
        "https://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/?utm_source=twitter&utm_medium=social",
        "https://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/?fbclid=IwAR0abc",
        "https://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/#comments",
        "https://www.cbsnews.com:443/video/facial-recognition-video-60-minutes-2021-05-16/",
        "  https://www.cbsnews.com/video/facial-recognition-video-60-minutes-2021-05-16/  ",
    })
    void shouldMapEveryUrlFormOfOneArticleToOneId(String url) {
        assertThat(CanonicalUrl.canonicalId(url)).isEqualTo(CANONICAL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://example.com/news/story.amp.html, example.com/news/story.html",
        "https://example.com/a?b=2&a=1, example.com/a?a=1&b=2",
        "https://example.com/a?id=7&utm_campaign=x&gclid=y, example.com/a?id=7",
        "https://example.com/, example.com",
        "https://example.com:8080/x, example.com:8080/x",
        "https://www2.example.com/x, example.com/x",
        "https://example.com//a///b/, example.com/a/b",
        "https://example.com/ramp/camp.html, example.com/ramp/camp.html",
        "https://example.com/a b/c|d, example.com/a%20b/c%7Cd",
        "https://example.com/{x}^`, example.com/%7Bx%7D%5E%60",
    })
    void shouldNormaliseOtherForms(String url, String expected) {
        assertThat(CanonicalUrl.canonicalId(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/x", "ftp://example.com/x", "mailto:someone@example.com", "", "/relative/path"})
    void shouldRejectWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> CanonicalUrl.canonicalId(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute http(s) URL");
        assertThat(CanonicalUrl.tryCanonicalId(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.com/a b?utm_source=x", "https://amp.example.com/x/amp"})
    void shouldGiveTheSameIdForAParsedUrlAsForItsText(String url) {
        assertThat(CanonicalUrl.canonicalId(CanonicalUrl.parseHttpUrl(url).orElseThrow()))
                .isEqualTo(CanonicalUrl.canonicalId(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a b", "https://example.com/a|b"})
    void shouldAcceptUrlsWithStrayCharacters(String url) {
        assertThat(CanonicalUrl.tryCanonicalId(url)).isPresent();
    }
}
