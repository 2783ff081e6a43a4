package org.quantcourse.quant.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointMultiplierTest {
    /** Relative error of a Q31 mantissa. */
    private static final double Q31_RELATIVE = Math.scalb(1.0, -31);

    @Test
    void decomposesIntoMantissaAndShift() {
        assertEquals(new FixedPointMultiplier(1610612736, 0), FixedPointMultiplier.of(0.75)); // 0.75 * 2^31
        assertEquals(new FixedPointMultiplier(1 << 30, -1), FixedPointMultiplier.of(1.0)); // 0.5 * 2^1
        assertEquals(new FixedPointMultiplier(1717986918, 3), FixedPointMultiplier.of(0.1)); // 0.8 * 2^-3
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(doubles = {1e-9, 3.1e-5, 0.0042, 0.1, 0.49999999, 0.5, 0.999999999, 1.0, 7.25, 1000.0})
    void representsTheRealMultiplierToQ31Precision(double m) {
        FixedPointMultiplier f = FixedPointMultiplier.of(m);
        assertTrue(Math.abs(f.value() - m) <= m * Q31_RELATIVE, f + " = " + f.value());
    }

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(doubles = {1e-6, 0.0042, 0.3, 0.75, 2.5})
    void appliesAsARoundedProductUsingIntegersOnly(double m) {
        FixedPointMultiplier f = FixedPointMultiplier.of(m);
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 10_000; i++) {
            long acc = r.nextInt(-1_000_000_000, 1_000_000_000) / (m > 1 ? 8 : 1);
            double exact = acc * f.value();
            assertTrue(Math.abs(f.apply(acc) - exact) <= 0.5, acc + " * " + f.value());
        }
    }

    @Test
    void roundsTiesAwayFromZero() {
        FixedPointMultiplier half = FixedPointMultiplier.of(0.5);
        assertEquals(2, half.apply(3));
        assertEquals(-2, half.apply(-3));
    }

    @Test
    void rejectsMultipliersThatAreNotPositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new FixedPointMultiplier(5, 0));
    }
}
