package dev.storywire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    /** What the mapper wrote and read before: Jackson's own instant handling. */
    private static final ObjectMapper JACKSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void shouldWriteAndReadWhatJacksonWritesAndReads() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            String ours = Json.mapper().writeValueAsString(instant);
            assertThat(ours).isEqualTo(JACKSON.writeValueAsString(instant));
            assertThat(Json.mapper().readValue(ours, Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void shouldReadFractionsOfAnyLength() {
        assertThat(IsoInstants.parse("2021-03-18T09:30:00.5Z")).isEqualTo(Instant.parse("2021-03-18T09:30:00.5Z"));
        assertThat(IsoInstants.parse("2021-03-18T09:30:00.1234Z"))
                .isEqualTo(Instant.parse("2021-03-18T09:30:00.1234Z"));
    }

    @Test
    void shouldLeaveOtherFormsToJackson() throws Exception {
        for (String text : new String[] {"2021-03-18T09:30:00+01:00", "2021-02-29T09:30:00Z", "2021-03-18T24:00:00Z",
                "1616059800", "2021-03-18T09:30:00.Z", "2021-03-18 09:30:00Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
        }
        String json = "\"2021-03-18T09:30:00+01:00\"";
        assertThat(Json.mapper().readValue(json, Instant.class)).isEqualTo(JACKSON.readValue(json, Instant.class));
        assertThat(Json.mapper().readValue("1616059800", Instant.class))
                .isEqualTo(JACKSON.readValue("1616059800", Instant.class));
    }
}
