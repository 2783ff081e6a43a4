package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.exercises.Exercises09.Accumulator;

class Exercises09Test implements FreshAttemptsEachTest {
    private static final long SEED = 9;
    private static final int SAMPLE_CASES = 3000;

    /** A correct single-rounding requantization written independently of the library. */
    private static int rightAnswer(Accumulator a) {
        long p = (long) a.acc() * a.m0();
        int s = 31 + a.shift();
        long half = 1L << (s - 1);
        long rounded = p >= 0 ? (p + half) >> s : -((-p + half) >> s);
        long low = a.relu() ? a.zeroPoint() : 0;
        return (int) Math.max(low, Math.min(255, a.zeroPoint() + rounded));
    }

    @Test
    void theFc1BoundIsKTimes255Times127() {
        assertTrue(Exercises09.fc1AccumulatorBound(2304L * 255 * 127).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises09.fc1AccumulatorBound(2304L * 255 * 128)), "int8 is symmetric");
        assertFalse(Judging.passesFirstTime(() -> Exercises09.fc1AccumulatorBound(2304L * 127 * 127)), "uint8 spans 255");
    }

    @Test
    void theShiftOf0_0037IsEight() {
        assertTrue(Exercises09.shift(8).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises09.shift(9)), "M0 would be below 0.5");
        assertFalse(Judging.passesFirstTime(() -> Exercises09.shift(7)), "M0 would be below 0.5 still: 0.47");
    }

    @Test
    void theReferenceAgreesWithAnIndependentSingleRounding() {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLE_CASES; i++) {
            Accumulator a = Exercises09.randomCase(random);
            assertEquals(rightAnswer(a), Exercises09.reference(a), a.toString());
        }
    }

    @Test
    void theRandomCasesIncludeNegativeTiesClampsAndFusedRelus() {
        Random random = new Random(SEED);
        int negativeTies = 0;
        int clampedHigh = 0;
        int reluClamped = 0;
        for (int i = 0; i < SAMPLE_CASES; i++) {
            Accumulator a = Exercises09.randomCase(random);
            long p = (long) a.acc() * a.m0();
            negativeTies += p < 0 && Math.floorMod(p, 1L << (31 + a.shift())) == 1L << (30 + a.shift()) ? 1 : 0;
            clampedHigh += Exercises09.reference(a) == 255 ? 1 : 0;
            reluClamped += a.relu() && Exercises09.reference(a) == a.zeroPoint() ? 1 : 0;
        }
        assertTrue(negativeTies > SAMPLE_CASES / 10, "negative ties: " + negativeTies);
        assertTrue(clampedHigh > SAMPLE_CASES / 50, "clamped at 255: " + clampedHigh);
        assertTrue(reluClamped > SAMPLE_CASES / 50, "clamped at the zero-point: " + reluClamped);
    }

    @Test
    void aRightRequantizationPasses() {
        CheckResult result = Exercises09.requantize(SEED).check(Exercises09Test::rightAnswer);
        assertTrue(result.passed(), result.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"floor rounding", "round half up", "no relu clamp", "no zero-point", "32-bit product",
        "double with Math.round"})
    void typicalMistakesFail(String mistake) {
        Function<Accumulator, Integer> wrong = switch (mistake) {
            case "floor rounding" -> a -> clamp(a, a.zeroPoint() + (((long) a.acc() * a.m0()) >> (31 + a.shift())));
            case "round half up" -> a -> clamp(a, a.zeroPoint()
                    + (((long) a.acc() * a.m0() + (1L << (30 + a.shift()))) >> (31 + a.shift())));
            case "no relu clamp" -> a -> rightAnswer(new Accumulator(a.acc(), a.m0(), a.shift(), a.zeroPoint(), false));
            case "no zero-point" -> a -> rightAnswer(a) - a.zeroPoint();
            case "32-bit product" -> a -> clamp(a, a.zeroPoint() + Math.round(a.acc() * a.m0() / Math.pow(2, 31 + a.shift())));
            default -> a -> clamp(a, a.zeroPoint() + Math.round((double) a.acc() * a.m0() / Math.pow(2, 31 + a.shift())));
        };
        CheckResult result = Exercises09.requantize(SEED).check(wrong);
        assertFalse(result.passed(), mistake);
        assertTrue(result.message().contains("acc = "), "the failing input is shown: " + result.message());
    }

    @Test
    void theChoiceQuestionAcceptsBAndRejectsTheOthers() {
        assertFalse(Exercises09.whyInt8IsSlower().check('?').passed());
        for (char wrong : new char[] {'A', 'C', 'D'}) {
            assertFalse(Judging.passesFirstTime(() -> Exercises09.whyInt8IsSlower().check(wrong)), "choice " + wrong);
        }
        assertTrue(Judging.passesFirstTime(() -> Exercises09.whyInt8IsSlower().check('b')));
    }

    private static int clamp(Accumulator a, long q) {
        return (int) Math.max(a.relu() ? a.zeroPoint() : 0, Math.min(255, q));
    }
}
