package dev.storywire.ingest;

/**
 * Internal signal that a document cannot be accepted; turned into a {@link ParseResult.Rejected} by the parser.
 * Carries no stack trace: it is control flow for bad input, not a bug.
 */
final class DocumentRejectedException extends Exception {

    private final String position;

    DocumentRejectedException(String reason, String position) {
        super(reason, null, false, false);
        this.position = position;
    }

    DocumentRejectedException(String reason) {
        this(reason, null);
    }

    String reason() {
        return getMessage();
    }

    /** {@code line:column} in the source, or {@code null}. */
    String position() {
        return position;
    }
}
