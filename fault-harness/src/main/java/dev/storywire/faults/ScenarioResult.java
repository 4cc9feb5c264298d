package dev.storywire.faults;

import java.util.List;

/**
 * The outcome of one fault scenario.
 *
 * @param articles distinct articles fed in
 * @param documents feed documents written (articles plus copies under other URL forms)
 * @param lost articles without a primary or syndicated row (-1 when the checks could not run)
 * @param duplicated rows for ids not expected plus articles in more than one story (-1 when not checked)
 * @param recoverySeconds from the fault until the affected component committed progress on every partition that
 *                        had records waiting (null when it did not recover within the timeout)
 * @param catchUpSeconds from the fault until the processor and the sink had consumed everything
 * @param check every check's figures
 * @param notes what happened along the way (exit codes, restarts, what was killed)
 * @param error why the scenario could not complete, or null
 */
public record ScenarioResult(String name, String fault, int articles, int documents, int lost, int duplicated,
        Double recoverySeconds, Double catchUpSeconds, CheckResult check, List<String> notes, String error) {

    public ScenarioResult {
        notes = List.copyOf(notes);
    }

    /** This result with one more note. */
    public ScenarioResult withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ScenarioResult(name, fault, articles, documents, lost, duplicated, recoverySeconds, catchUpSeconds,
                check, more, error);
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public boolean passed() {
        return error == null && check != null && check.clean() && catchUpSeconds != null;
    }
}
