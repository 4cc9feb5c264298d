package dev.storywire.faults;

import java.util.List;

/**
 * What {@code storywire ingest} did with one hostile input placed before a valid document in the same directory.
 *
 * @param exitCode the ingest's exit code (null when it had to be killed after the timeout)
 * @param validPublished whether the valid document after the hostile one was published
 * @param reasons the rejection reasons of the ingest report, and the files it skipped (prefixed "skipped")
 * @param seconds wall time of the whole ingest process (JVM start included)
 * @param maxRssMegabytes the process's peak resident memory, from {@code /usr/bin/time}
 */
public record HostileInputResult(String name, String tried, Integer exitCode, int read, int published, int rejected,
        boolean validPublished, List<String> reasons, double seconds, Long maxRssMegabytes, String outputTail) {

    public HostileInputResult {
        reasons = List.copyOf(reasons);
    }
}
