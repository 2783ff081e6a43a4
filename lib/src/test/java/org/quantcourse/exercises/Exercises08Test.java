package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Exercises08Test {
    private static final long SEED = 8;

    private static Attempts noCoolDown() {
        return Attempts.on(Clock.systemUTC(), Duration.ZERO);
    }

    static double numpyPercentile(float[] values, double p) {
        float[] s = values.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, s.length - 1);
        return s[i] + (pos - i) * ((double) s[j] - s[i]);
    }

    @Test
    void theUnsignedScaleIsTheRangeOverFifteenSteps() {
        assertTrue(Exercises08.unsignedScale(0.4).passed());
        assertFalse(Exercises08.unsignedScale(6.0 / 16).passed(), "2^b levels but 2^b - 1 steps");
        assertFalse(Exercises08.unsignedScale(12.0 / 15).passed(), "the signed grid's scale");
    }

    @Test
    void aNumpyStylePercentilePasses() {
        CheckResult r = Exercises08.percentileExercise(noCoolDown(), SEED).check(c -> numpyPercentile(c.values(), c.p()));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void aPercentileWithoutInterpolationOrOnTheUnsortedDataFails() {
        CodingExercise<Exercises08.PercentileCase, Double> e = Exercises08.percentileExercise(noCoolDown(), SEED);
        assertFalse(e.check(c -> {
            float[] s = c.values().clone();
            Arrays.sort(s);
            return (double) s[(int) Math.floor(c.p() / 100 * (s.length - 1))];
        }).passed(), "nearest-below instead of linear interpolation");
        assertFalse(e.check(c -> {
            double pos = c.p() / 100 * (c.values().length - 1);
            return (double) c.values()[(int) Math.round(pos)];
        }).passed(), "not sorted");
    }

    @Test
    void theDynamicCostIsTheRunTimeRangeMeasurement() {
        assertTrue(Exercises08.dynamicCostQuestion().judgedBy(noCoolDown()).check('b').passed());
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'C', 'D'})
    void otherReasonsForTheDynamicCostAreWrong(char wrong) {
        assertFalse(Exercises08.dynamicCostQuestion().judgedBy(noCoolDown()).check(wrong).passed());
    }
}
