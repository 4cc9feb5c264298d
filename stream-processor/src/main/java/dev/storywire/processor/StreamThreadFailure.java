package dev.storywire.processor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.streams.errors.LockException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.TopologyException;

/**
 * Why a stream thread died, and whether a new thread can be expected to succeed once the cluster answers again.
 *
 * <p>Transient: any {@link RetriableException} in the cause chain (timeouts, disconnects, no leader, coordinator
 * not available, not enough replicas: what a broker outage or a leader election produces),
 * {@link TransactionAbortableException} (the producer gave up on a transaction while the broker was away; a new
 * thread starts a new one and Streams re-processes from the last commit, exactly once), {@link LockException}
 * (a state directory still held by the thread that just died), and the producer's {@link IllegalStateException}
 * "... because the previous call to `commitTransaction` timed out and must be retried": after a broker outage of
 * more than {@code max.block.ms} (60 s) the commit timed out, Kafka Streams went on to the next commit instead of
 * retrying it, and the thread's producer refuses everything else; a new thread has a new producer (seen with the
 * broker killed for 100 s). Likewise the producer's abortable error state "... It is safe to abort the transaction
 * and continue" (batches expired unacknowledged while the broker was away), which Kafka Streams can meet when it
 * commits after closing a corrupted task, and which it reports as a plain {@code KafkaException}.
 *
 * <p>Fatal, even when a transient cause is also in the chain: wrong credentials or missing ACLs, invalid
 * configuration, a broker too old, an invalid or missing topic, and errors that would recur on the same record
 * (serialization, a record too large) or in the code ({@link Error}s, anything not known to be transient): a
 * replaced thread would fail again at once, so the client shuts down with the cause in the log.
 *
 * @param transientCause whether a replacement thread may succeed
 * @param cause the exception in the chain that decided it (the top-level one when none did)
 */
public record StreamThreadFailure(boolean transientCause, Throwable cause) {

    private static final List<Class<? extends Throwable>> FATAL = List.of(
            AuthenticationException.class, AuthorizationException.class, ConfigException.class,
            UnsupportedVersionException.class, InvalidTopicException.class, MissingSourceTopicException.class,
            TopologyException.class, SerializationException.class, RecordTooLargeException.class, Error.class);
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            RetriableException.class, TransactionAbortableException.class, LockException.class);
    /** How the producer words the state left by a transactional call that timed out (KafkaProducer, 3.x and 4.x). */
    private static final String TIMED_OUT_TRANSACTION_CALL = "timed out and must be retried";
    /** How the producer words its abortable error state after unacknowledged batches expired (TransactionManager). */
    private static final String ABORTABLE_TRANSACTION = "It is safe to abort the transaction";

    /** Classifies {@code failure} by the exceptions in its cause chain; fatal causes win. */
    public static StreamThreadFailure classify(Throwable failure) {
        List<Throwable> chain = causeChain(failure);
        for (Throwable t : chain) {
            if (isAny(t, FATAL)) {
                return new StreamThreadFailure(false, t);
            }
        }
        for (Throwable t : chain) {
            if (isAny(t, TRANSIENT) || isTimedOutTransactionCall(t) || isAbortableTransaction(t)) {
                return new StreamThreadFailure(true, t);
            }
        }
        return new StreamThreadFailure(false, failure);
    }

    /** The decisive cause as {@code SimpleName: message}, for a log line. */
    public String describe() {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static boolean isTimedOutTransactionCall(Throwable t) {
        return t instanceof IllegalStateException && t.getMessage() != null
                && t.getMessage().contains(TIMED_OUT_TRANSACTION_CALL);
    }

    private static boolean isAbortableTransaction(Throwable t) {
        return t instanceof KafkaException && t.getMessage() != null && t.getMessage().contains(ABORTABLE_TRANSACTION);
    }

    private static boolean isAny(Throwable t, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(t));
    }

    private static List<Throwable> causeChain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
