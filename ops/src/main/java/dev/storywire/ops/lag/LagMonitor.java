package dev.storywire.ops.lag;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples consumer groups with a {@link LagCollector} and evaluates each on its recorded history: what
 * {@code storywire lag} shows, once or repeatedly ({@code --watch}, {@code --serve}).
 *
 * <p>Not thread-safe: call {@link #sample(List)} from one thread.
 */
public final class LagMonitor {

    /** Default evaluation window: long enough to span several commit intervals of Streams and Connect. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final LagCollector collector;
    private final GroupLagTracker tracker;
    private final Clock clock = Clock.systemUTC();

    public LagMonitor(LagCollector collector, Duration window) {
        this(collector, new LagEvaluator(window));
    }

    public LagMonitor(LagCollector collector, LagEvaluator evaluator) {
        this.collector = Objects.requireNonNull(collector, "collector");
        this.tracker = new GroupLagTracker(evaluator);
    }

    /**
     * A reading for a one-shot view. A group that looks stalled on a single reading (records waited longer than the
     * maximum wait, no commit seen) is read again {@code probe} later, so that a group that commits in between, a
     * consumer working through a backlog, is not reported; the second reading is the one returned.
     */
    public LagReport sampleOnce(List<String> groups, Duration probe) throws InterruptedException {
        LagReport first = sample(groups);
        List<String> suspect = first.groups().stream().filter(g -> g.status() == LagStatus.STALL)
                .map(GroupLag::group).toList();
        if (suspect.isEmpty()) {
            return first;
        }
        log.info("Groups {} have records waiting without a commit; reading them again in {} s", suspect,
                probe.toSeconds());
        Thread.sleep(probe.toMillis());
        return sample(groups);
    }

    /** Reads every group once more and evaluates it on its history; a group that cannot be read reports ERR. */
    public LagReport sample(List<String> groups) {
        var time = clock.instant();
        List<GroupLag> result = new ArrayList<>();
        for (String group : groups) {
            try {
                result.add(tracker.record(collector.collect(group)));
            } catch (RuntimeException e) {
                log.warn("Cannot read the lag of group {}: {}", group, e.getMessage());
                tracker.forget(group);
                result.add(GroupLag.failed(group, e.getMessage()));
            }
        }
        return new LagReport(time, result);
    }
}
