package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.quant.integer.FixedPointMultiplier;

class RequantizationTest {
    private static final int SAMPLES = 200_000;

    @Test
    void saturatingRoundingDoublingHighMulIsTheProductOver2To31RoundedToNearest() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < SAMPLES; i++) {
            int a = r.nextInt();
            int b = r.nextInt();
            BigDecimal exact = new BigDecimal(BigInteger.valueOf((long) a * b)).divide(BigDecimal.valueOf(1L << 31));
            RoundingMode ties = exact.signum() >= 0 ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN;
            assertEquals(exact.setScale(0, ties).intValueExact(), Requantization.saturatingRoundingDoublingHighMul(a, b),
                    a + " * " + b);
        }
    }

    @Test
    void saturatingRoundingDoublingHighMulSaturatesTheOneOverflowingCase() {
        assertEquals(Integer.MAX_VALUE,
                Requantization.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "exponent {0}")
    @ValueSource(ints = {0, 1, 4, 8, 13, 31})
    void roundingDivideByPowerOfTwoRoundsHalfAwayFromZero(int exponent) {
        SplittableRandom r = new SplittableRandom(exponent);
        for (int i = 0; i < SAMPLES / 10; i++) {
            int x = i < 8 ? (i - 4) << Math.max(0, exponent - 1) : r.nextInt();
            BigDecimal exact = new BigDecimal(x).divide(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
            assertEquals(exact.setScale(0, RoundingMode.HALF_UP).intValueExact(),
                    Requantization.roundingDivideByPowerOfTwo(x, exponent), x + " / 2^" + exponent);
        }
    }

    @Test
    void singleRoundingIsTheExactProductRoundedOnce() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < SAMPLES; i++) {
            FixedPointMultiplier m = FixedPointMultiplier.of(Math.scalb(0.5 + r.nextDouble() / 2, -r.nextInt(1, 16)));
            int acc = r.nextInt(-5_000_000, 5_000_000);
            BigDecimal exact = new BigDecimal(m.value()).multiply(BigDecimal.valueOf(acc));
            assertEquals(exact.setScale(0, RoundingMode.HALF_UP).intValueExact(),
                    Requantization.SINGLE_ROUNDING.apply(acc, m), acc + " * " + m);
        }
    }

    @ParameterizedTest(name = "shift {0}")
    @ValueSource(ints = {4, 8, 12})
    void gemmlowpDiffersFromSingleRoundingByAtMostOneInAbout2ToMinusShiftOfCases(int shift) {
        SplittableRandom r = new SplittableRandom(shift);
        int differing = 0;
        for (int i = 0; i < SAMPLES; i++) {
            FixedPointMultiplier m = FixedPointMultiplier.of(Math.scalb(0.5 + r.nextDouble() / 2, -shift - 1));
            int acc = r.nextInt(-1_000_000, 1_000_000);
            int d = Math.abs(Requantization.GEMMLOWP.apply(acc, m) - Requantization.SINGLE_ROUNDING.apply(acc, m));
            assertTrue(d <= 1, "difference " + d);
            differing += d;
        }
        double expected = Math.scalb(1.0, -shift - 1);
        double fraction = (double) differing / SAMPLES;
        assertTrue(fraction > expected / 3 && fraction < expected * 3, "fraction " + fraction + ", expected ~"
                + expected);
    }

    @Test
    void gemmlowpHandlesMultipliersAboveOneWithALeftShift() {
        FixedPointMultiplier m = FixedPointMultiplier.of(3.0);
        assertEquals(300, Requantization.GEMMLOWP.apply(100, m));
        assertEquals(-300, Requantization.GEMMLOWP.apply(-100, m));
    }

    @Test
    void anExponentOutside0To31IsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Requantization.roundingDivideByPowerOfTwo(1, 32));
    }
}
