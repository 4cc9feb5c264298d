package dev.storywire.processor;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips records whose key or value cannot be deserialized, logging topic, partition, offset, the error and the
 * start of the bad value, so one bad record never stops the processor. The producer already sends documents it
 * cannot parse to the dead-letter topic; what reaches this handler is a foreign or corrupt record.
 */
public final class LogAndContinueDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LogAndContinueDeserializationHandler.class);
    private static final int PREVIEW_BYTES = 200;

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        String message = String.valueOf(exception.getMessage());
        // The storywire JSON serde already quotes the start of the value; other deserializers may not.
        String value = message.contains("value starts with") ? "" : "; value starts with: " + preview(record.value());
        LOG.warn("Skipping undeserializable record at {}/{}@{} (task {}): {}{}", context.topic(),
                context.partition(), context.offset(), context.taskId(), message, value);
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    static String preview(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        String text = new String(value, 0, Math.min(value.length, PREVIEW_BYTES), StandardCharsets.UTF_8);
        return value.length > PREVIEW_BYTES ? text + "..." : text;
    }
}
