package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises13Test implements FreshAttemptsEachTest {

    private static final long FIXED_SEED = 13;

    @Test
    void largestSoftTargetIsTheSoftmaxOfTheLogitsOverT() {
        double e2 = Math.exp(2);
        assertTrue(Exercises13.largestSoftTarget(e2 / (e2 + Math.exp(0.5) + 1)).passed());
        Exercises13.attempts = Judging.fresh();
        double e4 = Math.exp(4);
        assertFalse(Exercises13.largestSoftTarget(e4 / (e4 + Math.exp(1) + 1)).passed(), "T = 1 is not softened");
    }

    @Test
    void withoutTSquaredTheGradientShrinksByTSquared() {
        assertTrue(Exercises13.shrinkWithoutTSquared(16).passed());
        Exercises13.attempts = Judging.fresh();
        assertFalse(Exercises13.shrinkWithoutTSquared(4).passed(), "T, not T²");
    }

    @Test
    void smallStudentBytesCountEveryParameterAtFourBytes() {
        long parameters = 8 * 9 + 8 + 16 * 8 * 9 + 16 + 16 * 36 * 25 + 25 + 25 * 10 + 10;
        assertTrue(Exercises13.smallStudentBytes(4 * parameters).passed());
        Exercises13.attempts = Judging.fresh();
        assertFalse(Exercises13.smallStudentBytes(parameters).passed(), "parameters, not bytes");
    }

    @Test
    void softenedSoftmaxAcceptsAStableSoftmaxAndRejectsOneWithoutTheTemperature() {
        assertTrue(Exercises13.softenedSoftmax(FIXED_SEED).check(c -> softmax(c.z(), c.temperature())).passed());
        Exercises13.attempts = Judging.fresh();
        assertFalse(Exercises13.softenedSoftmax(FIXED_SEED).check(c -> softmax(c.z(), 1)).passed());
        Exercises13.attempts = Judging.fresh();
        assertFalse(Exercises13.softenedSoftmax(FIXED_SEED).check(c -> naiveSoftmax(c.z(), c.temperature())).passed(),
                "logits of a few thousand overflow e^x without the shift");
    }

    @Test
    void hotTemperatureQuestionAcceptsUniformTargetsOnly() {
        assertTrue(Exercises13.hotTemperature().check('B').passed());
        Exercises13.attempts = Judging.fresh();
        assertFalse(Exercises13.hotTemperature().check('A').passed());
    }

    private static double[] softmax(double[] z, double temperature) {
        double max = java.util.Arrays.stream(z).max().orElseThrow();
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp((z[k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double[] naiveSoftmax(double[] z, double temperature) {
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] / temperature);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
