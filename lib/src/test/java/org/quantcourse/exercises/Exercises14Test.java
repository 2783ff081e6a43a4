package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.train.ArticleCnn;

class Exercises14Test implements FreshAttemptsEachTest {
    private static final long SEED = 14;
    /** fc1 of the course CNN: 2304 inputs, 100 outputs. */
    private static final long FC1_WEIGHTS = 2304L * 100;
    private static final long FC1_OUTPUTS = 100;

    @Test
    void fc1At3BitsIsPackedCodesPlusAScaleAndABiasPerOutput() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long right = (FC1_WEIGHTS * 3 + 7) / 8 + 4 * FC1_OUTPUTS + 4 * FC1_OUTPUTS;
        CheckResult result = Exercises14.fc1BytesAt3Bits(net, right);
        assertTrue(result.passed(), result.toString());
        assertFalse(Judging.passesFirstTime(() -> Exercises14.fc1BytesAt3Bits(net, FC1_WEIGHTS * 3 / 8)),
                "the codes alone");
        assertFalse(Judging.passesFirstTime(() -> Exercises14.fc1BytesAt3Bits(net, FC1_WEIGHTS * 3 + 800)),
                "bits, not bytes");
    }

    @Test
    void rectifiedSigmoidAcceptsTheFormula() {
        CheckResult result = Exercises14.rectifiedSigmoid(SEED)
                .check(v -> Math.min(1, Math.max(0, 1.2 / (1 + Math.exp(-v)) - 0.1)));
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void rectifiedSigmoidRejectsThePlainSigmoidAndTheUnclippedStretch() {
        assertFalse(Judging.passesFirstTime(() -> Exercises14.rectifiedSigmoid(SEED).check(v -> 1 / (1 + Math.exp(-v)))),
                "not stretched: never exactly 0 or 1");
        assertFalse(Judging.passesFirstTime(() -> Exercises14.rectifiedSigmoid(SEED)
                .check(v -> 1.2 / (1 + Math.exp(-v)) - 0.1)), "stretched but not clipped");
    }

    @Test
    void fewestBitsGoToFc1() {
        assertTrue(Exercises14.fewestBits().check('b').passed());
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'C', 'D'})
    void otherLayersAreRejected(char wrong) {
        assertFalse(Exercises14.fewestBits().check(wrong).passed());
    }
}
