package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.train.ArticleCnn;

class Exercises11Test {

    @BeforeEach
    void freshAttempts() {
        Exercises11.attempts = Judging.fresh();
    }

    @AfterEach
    void standardAttempts() {
        Exercises11.attempts = Attempts.standard();
    }

    /** A first attempt with fresh attempts, so that an earlier wrong answer never cools this one down. */
    private static boolean passesFirstTime(Supplier<CheckResult> check) {
        Exercises11.attempts = Judging.fresh();
        return check.get().passed();
    }

    @Test
    void stepDerivativeInsideTheRangeIsRoundedMinusUnrounded() {
        assertTrue(Exercises11.stepDerivativeInside(Math.rint(0.7) - 0.7).passed());
        assertFalse(passesFirstTime(() -> Exercises11.stepDerivativeInside(1)), "the exact derivative rint(v) alone");
        assertFalse(passesFirstTime(() -> Exercises11.stepDerivativeInside(0)), "0 is the staircase's slope in w");
    }

    @Test
    void stepDerivativeOfAClippedWeightIsQmax() {
        assertTrue(Exercises11.stepDerivativeClipped(1).passed());
        assertFalse(passesFirstTime(() -> Exercises11.stepDerivativeClipped(3 - 2.6)), "rint(v) − v ignores the clip");
        assertFalse(passesFirstTime(() -> Exercises11.stepDerivativeClipped(0)), "the clip cuts ∂ŵ/∂w, not ∂ŵ/∂s");
    }

    @Test
    void fc1ZeroFractionCountsWeightsBelowHalfTheirColumnsMaximum() {
        MultiLayerNetwork net = ArticleCnn.builder().seed(3).build();
        INDArray w = net.getLayer(3).getParam("W");
        long zeros = 0;
        for (int c = 0; c < w.columns(); c++) {
            float[] column = w.getColumn(c).toFloatVector();
            float max = 0;
            for (float v : column) {
                max = Math.max(max, Math.abs(v));
            }
            for (float v : column) {
                zeros += Math.rint(v / max) == 0 ? 1 : 0;
            }
        }
        double fraction = (double) zeros / w.length();
        assertTrue(Exercises11.fc1ZeroFraction(net, fraction).passed(), "fraction " + fraction);
        assertFalse(passesFirstTime(() -> Exercises11.fc1ZeroFraction(net, fraction / 2)), "one sign only");
        assertFalse(passesFirstTime(() -> Exercises11.fc1ZeroFraction(net, fraction + 0.1)), "a threshold of s, not s/2");
    }

    @Test
    void clippedSteBackwardAcceptsTheMaskTimesTheUpstreamGradient() {
        assertTrue(Exercises11.clippedSteBackward(Judging.SEED).check(c -> {
            float[] dx = new float[c.x().length];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = c.x()[i] >= c.lower() && c.x()[i] <= c.upper() ? c.upstream()[i] : 0;
            }
            return dx;
        }).passed());
    }

    @Test
    void clippedSteBackwardRejectsThePlainSteAndAGradientCutEverywhere() {
        assertFalse(passesFirstTime(() -> Exercises11.clippedSteBackward(Judging.SEED).check(c -> c.upstream().clone())),
                "plain STE passes the gradient outside the range too");
        assertFalse(passesFirstTime(() -> Exercises11.clippedSteBackward(Judging.SEED)
                .check(c -> new float[c.x().length])), "cutting the gradient everywhere");
    }

    @Test
    void clippedWeightQuestionAcceptsAGrowingStepOnly() {
        assertTrue(Exercises11.clippedWeightQuestion().check('B').passed());
        for (char wrong : new char[] {'A', 'C', 'D'}) {
            assertFalse(passesFirstTime(() -> Exercises11.clippedWeightQuestion().check(wrong)), "answer " + wrong);
        }
    }
}
