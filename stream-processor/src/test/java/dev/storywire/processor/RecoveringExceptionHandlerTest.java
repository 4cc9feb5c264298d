package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class RecoveringExceptionHandlerTest {

    private final RecoveringExceptionHandler handler = new RecoveringExceptionHandler("broker:9092");

    @Test
    void shouldReplaceAThreadThatDiedOfATimeout() {
        StreamThreadExceptionResponse response = handler.handle(new StreamsException(new TimeoutException("broker gone")));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(handler.replacements()).isEqualTo(1);
    }

    @Test
    void shouldShutTheClientDownOnAFatalCause() {
        StreamThreadExceptionResponse response =
                handler.handle(new StreamsException(new SaslAuthenticationException("bad password")));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(handler.replacements()).isZero();
    }

    @Test
    void shouldNotReplaceAThreadOnceTheApplicationCloses() {
        handler.stop();

        StreamThreadExceptionResponse response = handler.handle(new TimeoutException("broker gone"));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
