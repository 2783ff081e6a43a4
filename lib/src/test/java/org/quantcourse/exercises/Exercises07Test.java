package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.formats.FloatFormat;

class Exercises07Test {
    private static final long SEED = 7;

    @Test
    void e3m4MaximumIs15Point5() {
        assertTrue(Exercises07.e3m4Max(15.5).passed());
        assertFalse(Exercises07.e3m4Max(31).passed(), "the all-ones exponent is not a normal value");
        assertFalse(Exercises07.e3m4Max(15.75).passed());
    }

    @Test
    void bf16Of257IsTheEvenNeighbour256() {
        assertTrue(Exercises07.bf16Of257(256).passed());
        assertFalse(Exercises07.bf16Of257(258).passed(), "round half up");
        assertFalse(Exercises07.bf16Of257(257).passed());
    }

    @Test
    void aCastWrittenFromTheBitsPasses() {
        CheckResult result = exercise().check(Exercises07Test::castByHand);
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void castingThroughFp16FirstIsCaughtByTheDoubleRoundingCases() {
        CheckResult result = exercise().check(x -> FloatFormat.FP8_E5M2.round(FloatFormat.FP16.round(x)));
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
        assertFalse(exercise().check(halfUp).passed());
        assertFalse(exercise().check(x -> FloatFormat.FP8_E5M2.withOverflow(FloatFormat.Overflow.SATURATE).round(x)).passed());
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
        assertTrue(Exercises07.gradientFormat(answer).passed());
    }

    @Test
    void wrongChoicesAreRejected() {
        Attempts fresh = Attempts.on(fixedClock(), Duration.ofSeconds(30));
        for (char wrong : new char[] {'A', 'C', 'D'}) {
            assertFalse(Exercises07.GRADIENT_FORMAT.judgedBy(Attempts.on(fixedClock(), Duration.ofSeconds(30)))
                    .check(wrong).passed());
        }
        assertFalse(Exercises07.UNSCALED_E4M3.judgedBy(fresh).check('B').passed());
        assertTrue(Exercises07.UNSCALED_E4M3.judgedBy(fresh).check('C').passed());
        assertTrue(Exercises07.unscaledE4m3('C').passed());
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

    private static CodingExercise<Float, Float> exercise() {
        return Exercises07.castToE5m2Exercise().judgedBy(Attempts.on(fixedClock(), Duration.ofSeconds(30)), SEED).build();
    }

    private static Clock fixedClock() {
        return Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    }
}
