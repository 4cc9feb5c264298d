package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadFailureTest {

    @Test
    void shouldTreatTheTransactionAbortedDuringABrokerOutageAsTransient() {
        // What a processor saw after ~95 s without its broker (issue 21, defect 5).
        Throwable failure = new StreamsException("Error encountered trying to commit a transaction",
                new TransactionAbortableException("Transaction Request was aborted after exhausting retries."));

        StreamThreadFailure classified = StreamThreadFailure.classify(failure);

        assertThat(classified.transientCause()).isTrue();
        assertThat(classified.cause()).isInstanceOf(TransactionAbortableException.class);
        assertThat(classified.describe()).startsWith("TransactionAbortableException: Transaction Request was aborted");
    }

    @Test
    void shouldTreatAProducerWedgedByATimedOutCommitAsTransient() {
        // What a processor saw after its broker was killed for 100 s with default client timeouts.
        Throwable failure = new StreamsException(new IllegalStateException("Cannot attempt operation "
                + "`sendOffsetsToTransaction` because the previous call to `commitTransaction` timed out and must be "
                + "retried"));

        assertThat(StreamThreadFailure.classify(failure).transientCause()).isTrue();
    }

    @Test
    void shouldTreatAProducerInItsAbortableErrorStateAsTransient() {
        // What a processor saw when its broker went down while it was committing on a loaded machine: Kafka
        // Streams committed after a corrupted task with a producer that had expired unacknowledged batches.
        Throwable failure = new StreamsException("Error encountered trying to add offsets to a transaction",
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new KafkaException("The client hasn't received acknowledgment for some previously sent "
                                + "messages and can no longer retry them. It is safe to abort the transaction and "
                                + "continue.")));

        StreamThreadFailure classified = StreamThreadFailure.classify(failure);

        assertThat(classified.transientCause()).isTrue();
        assertThat(classified.describe()).contains("It is safe to abort the transaction");
    }

    @Test
    void shouldTreatAnyOtherIllegalStateAsFatal() {
        assertThat(StreamThreadFailure.classify(new StreamsException(new IllegalStateException("store closed")))
                .transientCause()).isFalse();
    }

    @Test
    void shouldTreatTimeoutsAndOtherRetriableErrorsAsTransient() {
        assertThat(StreamThreadFailure.classify(new StreamsException(new TimeoutException("Timeout expired after"
                + " 60000ms while awaiting InitProducerId"))).transientCause()).isTrue();
        assertThat(StreamThreadFailure.classify(new KafkaException(new DisconnectException())).transientCause())
                .isTrue();
        assertThat(StreamThreadFailure.classify(new NotLeaderOrFollowerException("moved")).transientCause()).isTrue();
    }

    @Test
    void shouldShutDownOnAuthenticationAuthorizationAndConfigurationErrors() {
        assertThat(StreamThreadFailure.classify(new StreamsException(new SaslAuthenticationException("bad password")))
                .transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new TopicAuthorizationException("no ACL")).transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new GroupAuthorizationException("no ACL")).transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new ConfigException("bad value")).transientCause()).isFalse();
    }

    @Test
    void shouldShutDownOnErrorsThatWouldRecurOnTheSameRecord() {
        assertThat(StreamThreadFailure.classify(new StreamsException(new SerializationException("bad bytes")))
                .transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new StreamsException(new RecordTooLargeException("too large")))
                .transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new IllegalStateException("bug")).transientCause()).isFalse();
        assertThat(StreamThreadFailure.classify(new StreamsException(new OutOfMemoryError())).transientCause())
                .isFalse();
    }

    @Test
    void shouldLetAFatalCauseWinOverATransientOne() {
        Throwable failure = new StreamsException(new TimeoutException("timed out",
                new SaslAuthenticationException("bad password")));

        StreamThreadFailure classified = StreamThreadFailure.classify(failure);

        assertThat(classified.transientCause()).isFalse();
        assertThat(classified.cause()).isInstanceOf(SaslAuthenticationException.class);
    }
}
