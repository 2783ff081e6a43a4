package org.quantcourse.gd;

/**
 * What a learning-rate schedule counts: parameter updates or completed epochs (as DL4J's {@code ScheduleType}).
 * Used in notebook 03.
 */
public enum ScheduleUnit {
    /** The schedule advances after every parameter update (0 for the first update). */
    ITERATION,
    /** The schedule advances after every complete pass over the data (0 during the first epoch). */
    EPOCH;

    /** Picks the counter this unit refers to. */
    int select(int iteration, int epoch) {
        return this == ITERATION ? iteration : epoch;
    }
}
