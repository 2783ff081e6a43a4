package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LsqTest {

    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-3;

    private static int qmax(int bits) {
        return (1 << (bits - 1)) - 1;
    }

    private static int qmin(int bits) {
        return -(1 << (bits - 1));
    }

    /**
     * The STE surrogate of ŵ(s) = s·clamp(rint(w/s)): {@code s·(clamp(w/s) + δ)} with the rounding offset
     * {@code δ = rint(w/s0) − w/s0} (0 where clipped) frozen at s0, so that rint has derivative 1.
     */
    private static double surrogate(float w, double s, float s0, int qmin, int qmax) {
        double v0 = w / (double) s0;
        double offset = v0 >= qmin && v0 <= qmax ? Math.rint(v0) - v0 : 0;
        return s * (Math.max(qmin, Math.min(qmax, w / s)) + offset);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void stepDerivativeIsTheFiniteDifferenceOfTheStraightThroughSurrogate(int bits) {
        Random random = new Random(bits);
        float step = 0.1f;
        for (int i = 0; i < 200; i++) {
            float w = (float) (random.nextGaussian() * 0.1 * qmax(bits));
            double fd = (surrogate(w, step + H, step, qmin(bits), qmax(bits))
                    - surrogate(w, step - H, step, qmin(bits), qmax(bits))) / (2 * H);
            assertEquals(fd, Lsq.stepDerivative(w, step, qmin(bits), qmax(bits)), TOLERANCE, "w = " + w);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void theExactDerivativeOfTheStepFunctionIsTheCodeAloneWhichLsqCorrectsByMinusWOverS(int bits) {
        float step = 0.1f;
        float w = 0.1f * qmin(bits) / 2 + 0.013f;
        double exact = (Lsq.fakeQuantize(w, step + 1e-4f, qmin(bits), qmax(bits))
                - Lsq.fakeQuantize(w, step - 1e-4f, qmin(bits), qmax(bits))) / 2e-4;
        assertEquals(Math.rint(w / step), exact, 0.01);
        assertEquals(exact - w / step, Lsq.stepDerivative(w, step, qmin(bits), qmax(bits)), 0.01);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void stepGradientMatchesFiniteDifferencesOfALossThroughTheSurrogate(int bits) {
        Random random = new Random(10 + bits);
        int n = 50;
        float step = 0.05f;
        float[] w = new float[n];
        float[] target = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (random.nextGaussian() * 0.05 * qmax(bits));
            target[i] = (float) random.nextGaussian() * 0.1f;
        }
        float[] dLoss = new float[n];
        for (int i = 0; i < n; i++) {
            dLoss[i] = 2 * (Lsq.fakeQuantize(w[i], step, qmin(bits), qmax(bits)) - target[i]);
        }
        double fd = (loss(w, target, step + H, step, bits) - loss(w, target, step - H, step, bits)) / (2 * H);
        assertEquals(fd, Lsq.stepGradient(w, dLoss, step, qmin(bits), qmax(bits)), 1e-3 * Math.max(1, Math.abs(fd)));
    }

    private static double loss(float[] w, float[] target, double s, float s0, int bits) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double d = surrogate(w[i], s, s0, qmin(bits), qmax(bits)) - target[i];
            sum += d * d;
        }
        return sum;
    }

    @Test
    void clippedValuesGetTheRangeEndAsStepDerivative() {
        assertEquals(1f, Lsq.stepDerivative(5f, 0.1f, -2, 1));
        assertEquals(-2f, Lsq.stepDerivative(-5f, 0.1f, -2, 1));
    }

    @Test
    void initialStepIsTwiceTheMeanMagnitudeOverRootQmax() {
        assertEquals(2 * 0.25 / Math.sqrt(7), Lsq.initialStep(new float[] {0.1f, -0.4f, 0.3f, -0.2f}, 7), 1e-7);
    }

    @Test
    void badStepsAndMismatchedGradientsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lsq.fakeQuantize(1f, 0f, -2, 1));
        assertThrows(IllegalArgumentException.class, () -> Lsq.stepGradient(new float[2], new float[3], 1f, -2, 1));
        assertThrows(IllegalArgumentException.class, () -> Lsq.initialStep(new float[0], 1));
    }
}
