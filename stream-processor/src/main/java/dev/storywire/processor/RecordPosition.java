package dev.storywire.processor;

import org.apache.kafka.streams.processor.api.ProcessorContext;

/** Formats where the record being processed came from, for log lines and exceptions. */
public final class RecordPosition {

    private RecordPosition() {
    }

    /** {@code topic/partition@offset} of the current record, or {@code (punctuation)} outside one. */
    public static String of(ProcessorContext<?, ?> context) {
        return context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "@" + m.offset())
                .orElse("(punctuation)");
    }
}
