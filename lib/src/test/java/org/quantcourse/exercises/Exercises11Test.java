package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises11Test implements FreshAttemptsEachTest {

    @Test
    void stepDerivativeInsideTheRangeIsRoundedMinusUnrounded() {
        assertTrue(Exercises11.stepDerivativeInside(Math.rint(0.7) - 0.7).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises11.stepDerivativeInside(1)), "the exact derivative rint(v) alone");
        assertFalse(Judging.passesFirstTime(() -> Exercises11.stepDerivativeInside(0)), "0 is the staircase's slope in w");
    }

    @Test
    void stepDerivativeOfAClippedWeightIsQmax() {
        assertTrue(Exercises11.stepDerivativeClipped(1).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises11.stepDerivativeClipped(3 - 2.6)), "rint(v) − v ignores the clip");
        assertFalse(Judging.passesFirstTime(() -> Exercises11.stepDerivativeClipped(0)), "the clip cuts ∂ŵ/∂w, not ∂ŵ/∂s");
    }

    @Test
    void zerosInChannelCountsTheWeightsWithinHalfAStepOfZero() {
        float step = 0.44f;
        int zeros = 0;
        for (float w : Exercises11.CHANNEL) {
            zeros += Math.abs(w) <= step / 2 ? 1 : 0;
        }
        int counted = zeros;
        assertTrue(Exercises11.zerosInChannel(counted).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises11.zerosInChannel(Exercises11.CHANNEL.length - counted)), "the non-zero ones");
        assertFalse(Judging.passesFirstTime(() -> Exercises11.zerosInChannel(7)), "a threshold of s, not s/2");
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
        assertFalse(Judging.passesFirstTime(() -> Exercises11.clippedSteBackward(Judging.SEED).check(c -> c.upstream().clone())),
                "plain STE passes the gradient outside the range too");
        assertFalse(Judging.passesFirstTime(() -> Exercises11.clippedSteBackward(Judging.SEED)
                .check(c -> new float[c.x().length])), "cutting the gradient everywhere");
    }

    @Test
    void clippedWeightQuestionAcceptsAGrowingStepOnly() {
        assertTrue(Exercises11.clippedWeightQuestion().check('B').passed());
        for (char wrong : new char[] {'A', 'C', 'D'}) {
            assertFalse(Judging.passesFirstTime(() -> Exercises11.clippedWeightQuestion().check(wrong)), "answer " + wrong);
        }
    }
}
