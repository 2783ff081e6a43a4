package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises05Test implements FreshAttemptsEachTest {
    /** conv1 32·1·3·3, conv2 64·32·3·3, fc1 2304·100, fc2 100·10. */
    private static final long WEIGHTS = 288 + 18_432 + 230_400 + 1_000;

    @Test
    void fc1PackedBytesAreHalfAByteEach() {
        assertTrue(Exercises05.fc1PackedBytes(2304L * 100 / 2).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises05.fc1PackedBytes(2304L * 100 * 4)), "bits, not bytes");
    }

    @Test
    void threeBitsIsTheWidestCodeThatFits100kB() {
        // 3 bits: ceil(250,120 · 3 / 8) = 93,795 bytes <= 100,000; 4 bits: 125,060 > 100,000
        CheckResult right = Exercises05.bitsToFit100kB(3);
        assertTrue(right.passed(), right.toString());
        assertFalse(Judging.passesFirstTime(() -> Exercises05.bitsToFit100kB(16)), "16 bits take 500,240 bytes");
        assertFalse(Judging.passesFirstTime(() -> Exercises05.bitsToFit100kB(4)), "4 bits take 125,060 bytes");
        assertFalse(Judging.passesFirstTime(() -> Exercises05.bitsToFit100kB(2)), "2 bits fit, but 3 do too");
        assertFalse(Judging.passesFirstTime(() -> Exercises05.bitsToFit100kB(0)));
    }

    @Test
    void bitsToFitFollowsTheWeightCount() {
        assertTrue(Exercises05.bitsToFit(WEIGHTS, 3).passed());
        assertTrue(Exercises05.bitsToFit(100_000, 8).passed(), "100,000 one-byte codes fit exactly");
        assertFalse(Judging.passesFirstTime(() -> Exercises05.bitsToFit(100_000, 7)));
        assertTrue(Exercises05.bitsToFit(10, 16).passed(), "a tiny network fits at any width");
    }

    @Test
    void reverseKlTakesQAsTheReference() {
        double klQp = 0.5 * Math.log(0.5 / 0.7) + 0.3 * Math.log(0.3 / 0.2) + 0.2 * Math.log(0.2 / 0.1);
        double klPq = 0.7 * Math.log(0.7 / 0.5) + 0.2 * Math.log(0.2 / 0.3) + 0.1 * Math.log(0.1 / 0.2);
        assertTrue(Exercises05.reverseKl(klQp).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises05.reverseKl(klPq)), "KL(p || q) is the other direction");
    }
}
