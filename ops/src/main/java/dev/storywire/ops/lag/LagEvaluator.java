package dev.storywire.ops.lag;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Burrow's consumer lag evaluation rules, applied to a partition's recorded {@link PartitionHistory}.
 *
 * <p>Burrow reads every commit from {@code __consumer_offsets}; here the history holds periodic observations of
 * the committed offset, so "the group is still committing" is taken from group membership: an alive group whose
 * offset does not move is stalled, a group without members is stopped. Membership alone lags behind a crash: a
 * consumer killed with {@code kill -9} stays a member until its session times out (45 s by default), so a second
 * signal is the waiting time of the oldest unconsumed record (its append time, see docs/ops.md): a healthy group
 * commits every few seconds, so a record that waited longer than {@code maxWait} while the committed offset stood
 * still means nobody is consuming. Rules, first match wins:
 * <ol>
 *   <li>{@link LagStatus#ERR}: the committed offset lies beyond the log end (topic recreated or truncated);</li>
 *   <li>{@link LagStatus#OK}: lag is 0 now;</li>
 *   <li>{@link LagStatus#REWIND}: the committed offset went backwards within the window;</li>
 *   <li>{@link LagStatus#STOP}: lag above 0, the group has no active members and its committed offset did not
 *       advance within the window (a single sample is enough: a group without members and with lag is stopped;
 *       a member-less group whose commits do advance uses manual assignment and falls through to the next
 *       rules);</li>
 *   <li>{@link LagStatus#STALL}: lag above 0 throughout a complete window, the group alive, and the committed
 *       offset unchanged from the window start to now;</li>
 *   <li>{@link LagStatus#WARN}: over a complete window the committed offset advanced, lag stayed above 0, never
 *       decreased from one sample to the next and ended higher than it started;</li>
 *   <li>{@link LagStatus#OK} otherwise.</li>
 * </ol>
 * A window is complete when the history reaches back at least {@code window} before its latest sample; until
 * then (a one-shot {@code storywire lag}) only ERR, OK, REWIND, STOP and the waiting-time STALL can be reported.
 */
public final class LagEvaluator {

    /**
     * Default {@code maxWait}: three times the longest commit interval storywire's groups use (the Connect worker
     * flushes offsets every 5 s; Streams commits every 200 ms), so a healthy group never reaches it.
     */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(15);

    private final Duration window;
    private final Duration maxWait;

    public LagEvaluator(Duration window) {
        this(window, DEFAULT_MAX_WAIT);
    }

    /**
     * @param window the evaluation window of the Burrow rules
     * @param maxWait how long the oldest unconsumed record may wait, without any commit, before an alive group
     *     counts as stalled; longer than the slowest commit interval of the groups watched
     */
    public LagEvaluator(Duration window, Duration maxWait) {
        this.window = positive(window, "evaluation window");
        this.maxWait = positive(maxWait, "maximum waiting time");
    }

    private static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + what + " must be positive, was " + value);
        }
        return value;
    }

    public Duration window() {
        return window;
    }

    public Duration maxWait() {
        return maxWait;
    }

    public LagStatus evaluate(PartitionHistory history) {
        if (history.isEmpty()) {
            return LagStatus.ERR;
        }
        OffsetSample now = history.latest();
        if (now.beyondEnd()) {
            return LagStatus.ERR;
        }
        if (now.lag() == 0) {
            return LagStatus.OK;
        }
        List<OffsetSample> full = history.fullWindow(window);
        List<OffsetSample> inWindow = full.isEmpty() ? history.recent(window) : full;
        if (wentBackwards(inWindow)) {
            return LagStatus.REWIND;
        }
        if (!now.groupAlive() && !advanced(inWindow)) {
            return LagStatus.STOP;
        }
        if (now.groupAlive() && now.oldestWait().compareTo(maxWait) > 0 && !advanced(sinceMaxWait(history))) {
            return LagStatus.STALL;
        }
        if (full.isEmpty() || !lagAlwaysPositive(full)) {
            return LagStatus.OK;
        }
        if (now.groupAlive() && !advanced(full)) {
            return LagStatus.STALL;
        }
        if (advanced(full) && lagGrew(full)) {
            return LagStatus.WARN;
        }
        return LagStatus.OK;
    }

    /** The samples of the last {@code maxWait}, with the one before it when there is one; all when shorter. */
    private List<OffsetSample> sinceMaxWait(PartitionHistory history) {
        List<OffsetSample> span = history.fullWindow(maxWait);
        return span.isEmpty() ? history.samples() : span;
    }

    private static boolean wentBackwards(List<OffsetSample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).committed() < samples.get(i - 1).committed()) {
                return true;
            }
        }
        return false;
    }

    private static boolean advanced(List<OffsetSample> samples) {
        return samples.get(samples.size() - 1).committed() > samples.get(0).committed();
    }

    private static boolean lagAlwaysPositive(List<OffsetSample> samples) {
        return samples.stream().allMatch(s -> s.lag() > 0);
    }

    private static boolean lagGrew(List<OffsetSample> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).lag() < samples.get(i - 1).lag()) {
                return false;
            }
        }
        return samples.get(samples.size() - 1).lag() > samples.get(0).lag();
    }
}
