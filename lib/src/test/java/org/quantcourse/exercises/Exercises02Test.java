package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Exercises02Test implements FreshAttemptsEachTest {

    @Test
    void handComputedAnswersPass() {
        assertTrue(Exercises02.symmetricScale(0.5 / 127).passed());
        assertTrue(Exercises02.asymmetricZeroPoint((int) Math.rint(1 / (4.0 / 15))).passed());
        assertTrue(Exercises02.packedBytes(375).passed());
    }

    @Test
    void commonMistakesFail() {
        assertFalse(Judging.passesFirstTime(() -> Exercises02.symmetricScale(0.5 / 128)), "dividing by 2^(b-1)");
        assertFalse(Judging.passesFirstTime(() -> Exercises02.symmetricScale(0.8 / 255)), "asymmetric formula");
        assertFalse(Judging.passesFirstTime(() -> Exercises02.asymmetricZeroPoint(3)), "truncating instead of rounding");
        assertFalse(Judging.passesFirstTime(() -> Exercises02.packedBytes(1000)), "one byte per code");
    }
}
