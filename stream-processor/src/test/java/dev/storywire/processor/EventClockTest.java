package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventClockTest {

    private static final Instant MAY_18 = Instant.parse("2021-05-18T12:00:00Z");

    @Test
    void shouldNotJumpForwardOnOneOddDate() {
        EventClock clock = new EventClock();
        clock.observe(MAY_18);
        clock.observe(Instant.parse("2022-01-16T00:00:00Z"));
        assertThat(clock.now()).isEqualTo(MAY_18);
        for (int hour = 1; hour <= 10; hour++) {
            clock.observe(MAY_18.plus(Duration.ofHours(hour)));
        }
        clock.observe(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(clock.now()).isBetween(MAY_18, MAY_18.plus(Duration.ofHours(10)));
    }

    @Test
    void shouldFollowTheFeedWhenMostArticlesMoveOn() {
        EventClock clock = new EventClock();
        clock.observe(MAY_18);
        Instant later = MAY_18.plus(Duration.ofDays(30));
        for (int i = 0; i < EventClock.WINDOW; i++) {
            clock.observe(later.plusSeconds(i));
        }
        assertThat(clock.now()).isAfter(later);
    }

    @Test
    void shouldGiveTheMediansOfTheLastWindowOfTimesWithRepeats() {
        EventClock clock = new EventClock();
        Random random = new Random(11);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long time = 1_600_000_000_000L + random.nextInt(50) * 60_000L;
            clock.observe(Instant.ofEpochMilli(time));
            seen.add(time);
            List<Long> window = new ArrayList<>(seen.subList(Math.max(0, seen.size() - EventClock.WINDOW), seen.size()));
            Collections.sort(window);

            assertThat(clock.now()).isEqualTo(Instant.ofEpochMilli(window.get((window.size() - 1) / 2)));
            assertThat(clock.upperMedian()).isEqualTo(Instant.ofEpochMilli(window.get(window.size() / 2)));
            assertThat(clock.lowerDecile()).isEqualTo(Instant.ofEpochMilli(window.get((window.size() - 1) / 10)));
        }
    }

    @Test
    void shouldKeepTheLowerDecileWithAPartitionThatLagsTheOthers() {
        EventClock clock = new EventClock();
        Instant ahead = MAY_18.plus(Duration.ofDays(10));
        // A backlog read from three partitions, one of them ten days behind the other two.
        for (int i = 0; i < 3 * EventClock.WINDOW; i++) {
            clock.observe((i % 3 == 0 ? MAY_18 : ahead).plusSeconds(i));
        }

        assertThat(clock.now()).as("the median follows the two partitions ahead").isAfter(ahead);
        assertThat(clock.lowerDecile()).isBefore(MAY_18.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldNotHoldTheLowerDecileBackForAFewOddEarlyDates() {
        EventClock clock = new EventClock();
        for (int i = 0; i < EventClock.WINDOW; i++) {
            clock.observe(i % 20 == 0 ? Instant.parse("2015-01-01T00:00:00Z") : MAY_18.plusSeconds(i));
        }

        assertThat(clock.lowerDecile()).isAfter(MAY_18);
    }

    @Test
    void shouldReportNothingBeforeTheFirstArticle() {
        assertThat(new EventClock().lowerDecile()).isEqualTo(Instant.MIN);
        assertThat(new EventClock().now()).isEqualTo(Instant.MIN);
        assertThat(new EventClock().upperMedian()).isEqualTo(Instant.MIN);
    }

    @Test
    void shouldTakeTheLaterOfTwoMiddleTimesAsTheUpperMedian() {
        EventClock clock = new EventClock();
        Instant june2020 = Instant.parse("2020-06-11T01:19:00Z");
        clock.observe(june2020);
        clock.observe(MAY_18);
        assertThat(clock.now()).isEqualTo(june2020);
        assertThat(clock.upperMedian()).isEqualTo(MAY_18);
        clock.observe(MAY_18.plusSeconds(60));
        assertThat(clock.upperMedian()).isEqualTo(MAY_18);
    }
}
