package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.formats.FloatFormat;

class Exercises07Test implements FreshAttemptsEachTest {
    private static final long SEED = 7;

    @Test
    void e3m4MaximumIs15Point5() {
        assertTrue(Exercises07.e3m4Max(15.5).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises07.e3m4Max(31)), "the all-ones exponent is not a normal value");
        assertFalse(Judging.passesFirstTime(() -> Exercises07.e3m4Max(15.75)));
        assertFalse(Judging.passesFirstTime(() -> Exercises07.e3m4Max(240)), "E4M3's largest, not E3M4's");
    }

    @Test
    void bf16Of257IsTheEvenNeighbour256() {
        assertTrue(Exercises07.bf16Of257(256).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises07.bf16Of257(258)), "round half up");
        assertFalse(Judging.passesFirstTime(() -> Exercises07.bf16Of257(257)), "257 is not a BF16 value");
    }

    @Test
    void aCastWrittenFromTheBitsPasses() {
        CheckResult result = Exercises07.castToE5m2(SEED).check(Exercises07Test::castByHand);
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void castingThroughFp16FirstIsCaughtByTheDoubleRoundingCases() {
        CheckResult result = Exercises07.castToE5m2(SEED)
                .check(x -> FloatFormat.FP8_E5M2.round(FloatFormat.FP16.round(x)));
        assertFalse(result.passed());
        assertTrue(result.message().contains("your method returned"), result.message());
    }

    @Test
    void roundingHalfUpAndSaturatingAreCaught() {
        Function<Float, Float> halfUp = x -> {
            float v = FloatFormat.FP8_E5M2.round(x);
            float up = Math.nextUp(Math.abs(x));
            return Math.abs(FloatFormat.FP8_E5M2.round(up)) > Math.abs(v) ? Math.copySign(FloatFormat.FP8_E5M2.round(up), x) : v;
        };
        assertFalse(Judging.passesFirstTime(() -> Exercises07.castToE5m2(SEED).check(halfUp)), "ties half up");
        assertFalse(Judging.passesFirstTime(() -> Exercises07.castToE5m2(SEED)
                .check(x -> FloatFormat.FP8_E5M2.withOverflow(FloatFormat.Overflow.SATURATE).round(x))), "saturating");
        assertFalse(Judging.passesFirstTime(() -> Exercises07.castToE5m2(SEED).check(x -> Math.abs(castByHand(x)))),
                "the sign dropped");
    }

    @Test
    void theTrapIsOneFp16QuarterStepAboveATieOfAnEvenCode() {
        Random random = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            float x = Exercises07.doubleRoundingTrap(random);
            float viaFp16 = FloatFormat.FP8_E5M2.round(FloatFormat.FP16.round(x));
            assertTrue(FloatFormat.FP8_E5M2.round(x) > viaFp16, "at " + x);
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'B', 'b'})
    void gradientsWithoutLossScalingGoToBf16(char answer) {
        assertTrue(Exercises07.gradientFormat().check(answer).passed());
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'C', 'D'})
    void otherGradientFormatsAreRejected(char wrong) {
        assertFalse(Exercises07.gradientFormat().check(wrong).passed());
    }

    @Test
    void unscaledE4m3IsTheSubnormalTwoTimesTwoToTheMinusNine() {
        assertTrue(Exercises07.unscaledE4m3().check('C').passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises07.unscaledE4m3().check('B')), "one subnormal step");
        assertFalse(Judging.passesFirstTime(() -> Exercises07.unscaledE4m3().check('D')), "E4M3 has subnormals");
        assertEquals(0.00390625f, FloatFormat.FP8_E4M3.round(0.003f), "the value choice C names");
    }

    /** A from-scratch E5M2 cast, as the solutions notebook writes it. */
    private static float castByHand(float x) {
        int bits = Float.floatToRawIntBits(x);
        int sign = (bits >>> 24) & 0x80;
        int e32 = (bits >>> 23) & 0xFF;
        int m32 = bits & 0x7FFFFF;
        if (e32 == 0xFF) {
            return m32 == 0 ? x : Float.NaN;
        }
        if (e32 == 0 && m32 == 0) {
            return x;
        }
        long significand = e32 == 0 ? m32 : m32 | 1 << 23;
        int k = e32 == 0 ? 1 : e32;
        int e8 = Math.max(k - 127 + 15, 1);
        int shift = (e8 - 15 - 2) - (k - 150);
        long n = shift > 62 ? 0 : roundShift(significand, shift);
        return FloatFormat.FP8_E5M2.decode(sign | (int) Math.min(((long) (e8 - 1) << 2) + n, 0x7C));
    }

    private static long roundShift(long v, int shift) {
        long q = v >>> shift;
        long rest = v & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        return rest > half || (rest == half && (q & 1) == 1) ? q + 1 : q;
    }
}
