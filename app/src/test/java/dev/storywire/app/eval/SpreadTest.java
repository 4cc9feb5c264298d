package dev.storywire.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void shouldTakeTheMiddleValueOfAnOddCount() {
        Spread spread = Spread.of(List.of(0.9, 0.7, 0.8));

        assertThat(spread).isEqualTo(new Spread(0.7, 0.8, 0.9));
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        Spread spread = Spread.of(List.of(0.6, 1.0, 0.7, 0.9));

        assertThat(spread.min()).isEqualTo(0.6);
        assertThat(spread.median()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(spread.max()).isEqualTo(1.0);
        assertThat(spread.range()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void shouldSummariseOneValueAsItself() {
        assertThat(Spread.of(List.of(0.75))).isEqualTo(new Spread(0.75, 0.75, 0.75));
    }

    @Test
    void shouldRefuseNoValues() {
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
