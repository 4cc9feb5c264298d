package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/stories?user=u&password=s3cret | jdbc:postgresql://db:5432/stories?user=u&password=***",
        "jdbc:postgresql://db/stories?password=s3cret&user=u      | jdbc:postgresql://db/stories?password=***&user=u",
        "jdbc:postgresql://db/stories?user=u&PASSWORD=s3cret      | jdbc:postgresql://db/stories?user=u&PASSWORD=***",
        "jdbc:postgresql://db/stories?sslpassword=k3y&sslmode=require | jdbc:postgresql://db/stories?sslpassword=***&sslmode=require",
        "postgresql://u:s3cret@db/stories                         | postgresql://u:***@db/stories",
        "jdbc:postgresql://u:s3:cr:et@db:5432/stories?ssl=true     | jdbc:postgresql://u:***@db:5432/stories?ssl=true",
        "jdbc:sqlserver://db;user=u;password=s3cret;encrypt=true   | jdbc:sqlserver://db;user=u;password=***;encrypt=true",
        "jdbc:mysql://db/stories?user=u&pwd=s3cret&token=t0k      | jdbc:mysql://db/stories?user=u&pwd=***&token=***",
    })
    void shouldMaskPasswordsAndKeepTheRest(String url, String masked) {
        assertThat(JdbcUrls.mask(url)).isEqualTo(masked).doesNotContain("s3cret", "s3", "k3y", "t0k");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:sqlite:/var/lib/storywire/stories.db",
        "jdbc:sqlite:file:stories.db?cache=shared&mode=rwc",
        "jdbc:postgresql://db:5432/stories?user=storywire&currentSchema=news",
        "jdbc:postgresql://h1:5432,h2:5432/stories?targetServerType=primary",
        "jdbc:postgresql://u@db/stories",
        "jdbc:postgresql://db/stories?password=",
    })
    void shouldLeaveUrlsWithoutPasswordsAsTheyAre(String url) {
        assertThat(JdbcUrls.mask(url)).isEqualTo(url);
    }

    @Test
    void shouldMaskEveryPasswordOfOneUrl() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://u:one@db/stories?password=two&sslpassword=three"))
                .isEqualTo("jdbc:postgresql://u:***@db/stories?password=***&sslpassword=***");
    }

    @Test
    void shouldKeepNull() {
        assertThat(JdbcUrls.mask(null)).isNull();
    }
}
