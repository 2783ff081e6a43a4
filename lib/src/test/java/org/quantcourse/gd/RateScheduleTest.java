package org.quantcourse.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

class RateScheduleTest {

    /** Both sides compute in double with the same formula; only the last bits may differ. */
    private static final double TOLERANCE = 1e-12;

    static Stream<Arguments> schedulesWithDl4jTwins() {
        return Stream.of(ScheduleUnit.values()).flatMap(unit -> {
            ScheduleType type = unit == ScheduleUnit.ITERATION ? ScheduleType.ITERATION : ScheduleType.EPOCH;
            return Stream.of(
                    Arguments.of(RateSchedule.stepDecay(0.1, 0.5, 3, unit), new StepSchedule(type, 0.1, 0.5, 3)),
                    Arguments.of(RateSchedule.exponentialDecay(0.2, 0.95, unit), new ExponentialSchedule(type, 0.2, 0.95)),
                    Arguments.of(RateSchedule.inverseTimeDecay(0.3, 0.1, 0.75, unit),
                            new InverseSchedule(type, 0.3, 0.1, 0.75)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulesWithDl4jTwins")
    void decayMatchesDl4jScheduleAtEveryIterationAndEpoch(RateSchedule ours, ISchedule theirs) {
        for (int iteration = 0; iteration < 40; iteration++) {
            for (int epoch = 0; epoch < 12; epoch++) {
                assertEquals(theirs.valueAt(iteration, epoch), ours.valueAt(iteration, epoch), TOLERANCE,
                        "iteration " + iteration + ", epoch " + epoch);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ScheduleUnit.class)
    void cosineGoesFromInitialThroughMidpointToMinimumAndStays(ScheduleUnit unit) {
        RateSchedule cosine = RateSchedule.cosineDecay(0.5, 0.1, 10, unit);
        assertEquals(0.5, at(cosine, unit, 0), TOLERANCE);
        assertEquals(0.3, at(cosine, unit, 5), TOLERANCE);
        assertEquals(0.1, at(cosine, unit, 10), TOLERANCE);
        assertEquals(0.1, at(cosine, unit, 25), TOLERANCE);
        for (int t = 1; t <= 10; t++) {
            assertTrue(at(cosine, unit, t) < at(cosine, unit, t - 1), "strictly decreasing at " + t);
        }
    }

    @Test
    void scheduleFollowsOnlyItsOwnUnit() {
        RateSchedule perEpoch = RateSchedule.exponentialDecay(1, 0.5, ScheduleUnit.EPOCH);
        assertEquals(0.25, perEpoch.valueAt(1000, 2), TOLERANCE);
        RateSchedule perIteration = RateSchedule.exponentialDecay(1, 0.5, ScheduleUnit.ITERATION);
        assertEquals(0.125, perIteration.valueAt(3, 1000), TOLERANCE);
        assertEquals(0.7, RateSchedule.constant(0.7).valueAt(12345, 678), 0);
    }

    @Test
    void rejectsNonPositiveRatesAndOutOfRangeDecays() {
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.stepDecay(0.1, 1.5, 3, ScheduleUnit.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.stepDecay(0.1, 0.5, 0, ScheduleUnit.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.exponentialDecay(0.1, 0, ScheduleUnit.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.inverseTimeDecay(0.1, -1, 1, ScheduleUnit.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.cosineDecay(0.1, 0.2, 10, ScheduleUnit.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> RateSchedule.cosineDecay(0.1, 0, 10, null));
    }

    private static double at(RateSchedule schedule, ScheduleUnit unit, int t) {
        return unit == ScheduleUnit.ITERATION ? schedule.valueAt(t, 0) : schedule.valueAt(0, t);
    }
}
