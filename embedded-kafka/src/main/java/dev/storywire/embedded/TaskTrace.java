package dev.storywire.embedded;

/**
 * One line from the stack trace Connect keeps for a failed task. The trace starts with Connect's own wrapper
 * ("Exiting WorkerSinkTask due to unrecoverable exception."), which says nothing about the cause; the first
 * {@code Caused by:} is what the task itself threw, so both are shown.
 */
final class TaskTrace {

    private static final String CAUSED_BY = "Caused by: ";

    private TaskTrace() {
    }

    /** The trace's first line, then the exception the first {@code Caused by:} names; empty for no trace. */
    static String summary(String trace) {
        if (trace == null || trace.isBlank()) {
            return "";
        }
        String first = trace.lines().findFirst().orElse("").strip();
        return trace.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(CAUSED_BY))
                .findFirst()
                .map(cause -> first + " Caused by: " + cause.substring(CAUSED_BY.length()))
                .orElse(first);
    }
}
