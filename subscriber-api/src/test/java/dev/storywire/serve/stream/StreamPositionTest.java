package dev.storywire.serve.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.serve.BadRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void shouldFormatPartitionsInOrderAndParseItBack() {
        StreamPosition position = new StreamPosition(Map.of(2, 7L, 0, 1200L, 1, 877L));

        assertThat(position.format()).isEqualTo("0:1200,1:877,2:7");
        assertThat(StreamPosition.parse(position.format(), "Last-Event-ID")).contains(position);
    }

    @Test
    void shouldTreatAnAbsentIdAsFromNow() {
        assertThat(StreamPosition.parse(null, "Last-Event-ID")).isEmpty();
        assertThat(StreamPosition.parse(" ", "Last-Event-ID")).isEmpty();
    }

    @Test
    void shouldRefuseAnIdThatIsNotAPositionNamingTheHeader() {
        for (String bad : new String[] {"abc", "0:", "0:1,0:2", "-1:3", "0:99999999999999999999"}) {
            assertThatThrownBy(() -> StreamPosition.parse(bad, "Last-Event-ID")).as(bad)
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.parameter()).isEqualTo("Last-Event-ID"));
        }
    }
}
