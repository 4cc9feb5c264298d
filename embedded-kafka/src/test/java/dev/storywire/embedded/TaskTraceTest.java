package dev.storywire.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTraceTest {

    @Test
    void shouldShowTheCauseTheTaskThrewAfterConnectsOwnFirstLine() {
        String trace = """
                org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.
                \tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:636)
                Caused by: org.apache.kafka.connect.errors.ConnectException: 1 record(s) refused by the database
                \tat dev.storywire.sink.StorySinkTask.reportRefused(StorySinkTask.java:170)
                Caused by: java.sql.SQLException: [SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed
                """;

        assertThat(TaskTrace.summary(trace)).isEqualTo("org.apache.kafka.connect.errors.ConnectException: Exiting"
                + " WorkerSinkTask due to unrecoverable exception. Caused by: org.apache.kafka.connect.errors"
                + ".ConnectException: 1 record(s) refused by the database");
    }

    @Test
    void shouldKeepTheFirstLineWhenNothingCausedIt() {
        assertThat(TaskTrace.summary("java.lang.IllegalStateException: broken\n\tat x.y(Z.java:1)"))
                .isEqualTo("java.lang.IllegalStateException: broken");
        assertThat(TaskTrace.summary(null)).isEmpty();
    }
}
