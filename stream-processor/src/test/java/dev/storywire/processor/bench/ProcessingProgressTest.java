package dev.storywire.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.bench.ProcessingProgress.Part;
import org.junit.jupiter.api.Test;

class ProcessingProgressTest {

    @Test
    void shouldSplitTheRunIntoTenthsOfTheExpectedCount() {
        ProcessingProgress progress = new ProcessingProgress(95);
        for (int i = 0; i < 95; i++) {
            progress.recordProcessed();
        }

        var tenths = progress.measurement().tenths();

        assertThat(tenths).hasSize(ProcessingProgress.TENTHS);
        assertThat(tenths).extracting(Part::records).containsExactly(8L, 10L, 9L, 10L, 9L, 10L, 9L, 10L, 9L, 10L);
        assertThat(tenths.stream().mapToLong(Part::records).sum()).isEqualTo(94);
    }

    @Test
    void shouldTimeOnlyTheTenthsARunThatEndedEarlyCompleted() {
        ProcessingProgress progress = new ProcessingProgress(100);
        for (int i = 0; i < 45; i++) {
            progress.recordProcessed();
        }

        assertThat(progress.measurement().tenths()).extracting(Part::records).containsExactly(9L, 10L, 10L, 10L);
    }
}
