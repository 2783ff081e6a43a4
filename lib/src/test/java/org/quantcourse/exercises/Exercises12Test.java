package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Exercises12Test implements FreshAttemptsEachTest {

    private static final long FIXED_SEED = 12;

    @Test
    void extraBytesCountOneByteAt8BitsAgainstPackedBits() {
        assertTrue(Exercises12.extraBytesForEightBitEnds((288 - 36) + (1000 - 125)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises12.extraBytesForEightBitEnds(1288)), "the binary codes are not free");
        assertFalse(Judging.passesFirstTime(() -> Exercises12.extraBytesForEightBitEnds(1288 * 7)), "bits, not bytes");
    }

    @Test
    void twnScaleIsTheMeanOfTheKeptMagnitudes() {
        assertTrue(Exercises12.twnScale((0.9 + 0.3 + 0.6 + 0.4) / 4).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises12.twnScale(2.35 / 6)), "mean|w| of all six is binary's scale");
        assertFalse(Judging.passesFirstTime(() -> Exercises12.twnScale(0.7 * 2.35 / 6)), "that is the threshold");
    }

    @Test
    void ternarizerAcceptsTwnAndRejectsTheWrongScaleOrThreshold() {
        assertTrue(Exercises12.ternarizer(FIXED_SEED).check(w -> twn(w, 0.7, true)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises12.ternarizer(FIXED_SEED).check(w -> twn(w, 0.7, false))),
                "the scale from all weights");
        assertFalse(Judging.passesFirstTime(() -> Exercises12.ternarizer(FIXED_SEED).check(w -> twn(w, 0.5, true))),
                "another threshold");
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'C', 'D'})
    void latentWeightQuestionRejectsTheOtherAnswers(char wrong) {
        assertFalse(Judging.passesFirstTime(() -> Exercises12.latentWeightQuestion().check(wrong)));
    }

    @Test
    void latentWeightQuestionAcceptsB() {
        CheckResult right = Exercises12.latentWeightQuestion().check('B');
        assertTrue(right.passed());
        assertEquals(true, right.toString().contains("latent"));
    }

    private static float[] twn(float[] w, double factor, boolean keptMean) {
        double meanAbs = 0;
        for (float v : w) {
            meanAbs += Math.abs(v);
        }
        meanAbs /= w.length;
        double threshold = factor * meanAbs;
        double kept = 0;
        int n = 0;
        for (float v : w) {
            if (Math.abs(v) > threshold) {
                kept += Math.abs(v);
                n++;
            }
        }
        float alpha = keptMean ? (n == 0 ? 1f : (float) (kept / n)) : (float) meanAbs;
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] > threshold ? alpha : w[i] < -threshold ? -alpha : 0f;
        }
        return out;
    }
}
