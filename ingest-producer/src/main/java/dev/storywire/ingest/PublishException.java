package dev.storywire.ingest;

/**
 * Documents could not be written to Kafka (cluster unreachable, write refused, timeout). Thrown after the producer
 * was flushed, so {@link #partialReport()} counts what was acknowledged before the failure.
 */
public final class PublishException extends RuntimeException {

    private final String topic;
    private final String source;
    private final transient IngestReport partialReport;

    public PublishException(String topic, String source, IngestReport partialReport, Throwable cause) {
        super("Cannot publish " + source + " to topic " + topic + ": " + cause
                + " (acknowledged before the failure: " + partialReport.published() + " published, "
                + partialReport.rejected() + " rejected)", cause);
        this.topic = topic;
        this.source = source;
        this.partialReport = partialReport;
    }

    /** The topic of the first record that failed. */
    public String topic() {
        return topic;
    }

    /** The source of the first document that failed. */
    public String source() {
        return source;
    }

    /** The counts acknowledged before the failure; rejections listed are those whose DLQ write succeeded. */
    public IngestReport partialReport() {
        return partialReport;
    }
}
