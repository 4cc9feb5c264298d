package dev.storywire.ops.lag;

/**
 * Health of a consumer group partition, after Burrow's evaluation rules, in increasing order of severity.
 * A group's status is the worst status of its partitions.
 */
public enum LagStatus {
    /** Caught up, or lag not growing. */
    OK,
    /** Commits advance but the lag grew over the whole window: the consumer is falling behind. */
    WARN,
    /** The committed offset went backwards: someone reset the group or it replays. */
    REWIND,
    /**
     * The group is alive but its committed offset has not moved for a whole window while lag stayed above 0, or
     * records have waited longer than the maximum waiting time without any commit (a crashed member not yet
     * timed out).
     */
    STALL,
    /** Lag above 0 and nobody consumes: no active members, or no commits for longer than the window. */
    STOP,
    /** The offsets could not be read or make no sense (group unknown, committed offset beyond the log end). */
    ERR;

    /** The more severe of this status and {@code other}. */
    public LagStatus worst(LagStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether operators need to look: anything but {@link #OK}. */
    public boolean isProblem() {
        return this != OK;
    }
}
