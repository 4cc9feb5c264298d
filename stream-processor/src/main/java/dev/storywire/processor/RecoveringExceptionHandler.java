package dev.storywire.processor;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rides out broker outages: a stream thread that died of a transient cause ({@link StreamThreadFailure}) is
 * replaced after a backed-off wait, logging what it waits for; any other cause shuts the client down with the cause.
 *
 * <p>The wait happens on the dying thread, before it answers {@code REPLACE_THREAD}, so replacements never come
 * faster than {@link ReplacementBackoff} allows; {@link #stop()} ends a wait at once when the application closes.
 */
public final class RecoveringExceptionHandler implements StreamsUncaughtExceptionHandler {

    /** First wait: long enough for a leader election, short enough not to matter after a blip. */
    static final Duration INITIAL_WAIT = Duration.ofSeconds(1);
    /** Longest wait between replacements during a long outage; below the 30 s close timeout. */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    /** A minute without a failure means the cluster was back: the next failure starts from the first wait again. */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(RecoveringExceptionHandler.class);

    private final String cluster;
    private final ReplacementBackoff backoff = new ReplacementBackoff(INITIAL_WAIT, MAX_WAIT, QUIET_PERIOD);
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger replacements = new AtomicInteger();

    /** @param cluster the bootstrap servers, named in the log lines */
    public RecoveringExceptionHandler(String cluster) {
        this(cluster, Clock.systemUTC());
    }

    RecoveringExceptionHandler(String cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        StreamThreadFailure failure = StreamThreadFailure.classify(exception);
        if (!failure.transientCause()) {
            LOG.error("Stream thread failed on a cause a new thread would not fix ({}); shutting the stream processor"
                    + " down", failure.describe(), exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Duration wait;
        int inARow;
        synchronized (backoff) {
            wait = backoff.nextDelay(clock.instant());
            inARow = backoff.failuresInARow();
        }
        LOG.warn("Stream thread failed on a transient cause ({}): waiting for the Kafka cluster at {}; replacing the"
                + " thread in {} s (failure {} in a row). Processing resumes from the last committed transaction.",
                failure.describe(), cluster, wait.toSeconds(), inARow);
        LOG.debug("Stream thread failure", exception);
        if (awaitStop(wait)) {
            LOG.info("Stream processor closing: not replacing the failed thread");
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.incrementAndGet();
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Ends a pending wait: the application is closing. */
    public void stop() {
        stopped.countDown();
    }

    /** Stream threads replaced so far. */
    public int replacements() {
        return replacements.get();
    }

    private boolean awaitStop(Duration wait) {
        try {
            return stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
