package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochScheduleTest {

    private static final double RATE_TOLERANCE = 1e-12;

    @Test
    void constantNeverChanges() {
        assertEquals(0.01, EpochSchedule.constant(0.01).rate(7, 10), RATE_TOLERANCE);
    }

    @Test
    void stepMultipliesEveryFewEpochs() {
        EpochSchedule step = EpochSchedule.step(0.1, 0.5, 3);
        assertEquals(0.1, step.rate(2, 10), RATE_TOLERANCE);
        assertEquals(0.05, step.rate(3, 10), RATE_TOLERANCE);
        assertEquals(0.025, step.rate(6, 10), RATE_TOLERANCE);
    }

    @Test
    void exponentialMultipliesEveryEpoch() {
        EpochSchedule exponential = EpochSchedule.exponential(0.1, 0.9);
        assertEquals(0.1 * 0.9 * 0.9, exponential.rate(2, 10), RATE_TOLERANCE);
    }

    @Test
    void cosineStartsAtInitialPassesTheMiddleHalfwayAndNearsTheMinimum() {
        EpochSchedule cosine = EpochSchedule.cosine(0.1, 0.0);
        assertEquals(0.1, cosine.rate(0, 10), RATE_TOLERANCE);
        assertEquals(0.05, cosine.rate(5, 10), RATE_TOLERANCE);
        assertTrue(cosine.rate(9, 10) < 0.003);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10})
    void decayingSchedulesNeverIncrease(int epochs) {
        for (EpochSchedule schedule : new EpochSchedule[] {EpochSchedule.step(0.1, 0.5, 2),
                EpochSchedule.exponential(0.1, 0.8), EpochSchedule.cosine(0.1, 0.001)}) {
            for (int epoch = 1; epoch < epochs; epoch++) {
                assertTrue(schedule.rate(epoch, epochs) <= schedule.rate(epoch - 1, epochs), schedule.toString());
            }
        }
    }

    @Test
    void rejectsMeaninglessParameters() {
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.constant(0));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.step(0.1, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.step(0.1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.cosine(0.1, 0.2));
    }
}
