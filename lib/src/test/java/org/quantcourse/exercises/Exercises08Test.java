package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Exercises08Test implements FreshAttemptsEachTest {
    private static final long SEED = 8;

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
        assertFalse(Judging.passesFirstTime(() -> Exercises08.unsignedScale(6.0 / 16)), "2^b levels but 2^b - 1 steps");
        assertFalse(Judging.passesFirstTime(() -> Exercises08.unsignedScale(6.0 / 7)), "the signed grid's scale");
    }

    @Test
    void aNumpyStylePercentilePasses() {
        CheckResult r = Exercises08.percentile(SEED).check(c -> numpyPercentile(c.values(), c.p()));
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void aPercentileWithoutInterpolationOrOnTheUnsortedDataFails() {
        assertFalse(Judging.passesFirstTime(() -> Exercises08.percentile(SEED).check(c -> {
            float[] s = c.values().clone();
            Arrays.sort(s);
            return (double) s[(int) Math.floor(c.p() / 100 * (s.length - 1))];
        })), "nearest-below instead of linear interpolation");
        assertFalse(Judging.passesFirstTime(() -> Exercises08.percentile(SEED).check(c -> {
            double pos = c.p() / 100 * (c.values().length - 1);
            return (double) c.values()[(int) Math.round(pos)];
        })), "not sorted");
        assertFalse(Judging.passesFirstTime(() -> Exercises08.percentile(SEED).check(c -> {
            float[] s = c.values().clone();
            Arrays.sort(s);
            double pos = c.p() / 100 * s.length;
            int i = Math.min((int) Math.floor(pos), s.length - 1);
            return (double) s[i];
        })), "position p · n instead of p · (n − 1)");
    }

    @Test
    void theDynamicCostIsTheRunTimeRangeMeasurement() {
        assertTrue(Exercises08.dynamicCost().check('b').passed());
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'C', 'D'})
    void otherReasonsForTheDynamicCostAreWrong(char wrong) {
        assertFalse(Exercises08.dynamicCost().check(wrong).passed());
    }
}
