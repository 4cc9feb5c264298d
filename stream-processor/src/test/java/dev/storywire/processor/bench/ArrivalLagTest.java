package dev.storywire.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalLagTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void shouldMeasureEachArrivalsLagBehindTheLatestBeforeIt() {
        ArrivalLag order = new ArrivalLag();
        order.observe(10 * HOUR);
        order.observe(40 * HOUR);
        order.observe(39 * HOUR);
        order.observe(10 * HOUR);

        assertThat(order.figures())
                .containsEntry("lateByOverAnHourShare", 0.25)
                .containsEntry("lateByOverADayShare", 0.25)
                .containsEntry("meanLagHours", 7.75)
                .containsEntry("maxLagHours", 30.0);
    }

    @Test
    void shouldFindNoLagInPublishOrder() {
        ArrivalLag order = new ArrivalLag();
        order.observe(HOUR);
        order.observe(HOUR);
        order.observe(2 * HOUR);

        assertThat(order.figures()).containsEntry("lateByOverAnHourShare", 0.0).containsEntry("meanLagHours", 0.0);
    }
}
