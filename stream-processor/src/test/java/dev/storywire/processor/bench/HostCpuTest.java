package dev.storywire.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HostCpuTest {

    @Test
    void shouldTakeTheStealShareOfTheTicksBetweenTwoSamples() {
        HostCpu.Sample before = HostCpu.parse("cpu  1000 0 200 5000 10 0 5 100 0 0");
        HostCpu.Sample after = HostCpu.parse("cpu  1600 0 300 5200 10 0 5 200 0 0");

        assertThat(before).isEqualTo(new HostCpu.Sample(6315, 100));
        assertThat(HostCpu.stealPercent(before, after)).isCloseTo(100.0 * 100 / 1000, within(1e-9));
    }

    @Test
    void shouldNotKnowTheShareWithoutCounters() {
        HostCpu.Sample known = HostCpu.parse("cpu  1 2 3 4 5 6 7 8 9 10");

        assertThat(HostCpu.parse("cpu0 1 2 3 4 5 6 7 8").known()).isFalse();
        assertThat(HostCpu.stealPercent(HostCpu.Sample.UNKNOWN, known)).isNaN();
        assertThat(HostCpu.stealPercent(known, known)).isNaN();
    }
}
