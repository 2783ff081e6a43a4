package org.quantcourse.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivationQuantTest {

    @ParameterizedTest(name = "[{0}, {1}]")
    @CsvSource({"0, 1", "-0.3, 2.5", "0.5, 4", "-3, -1", "-1, 1"})
    void theRangeIsWidenedToContainZeroAndZeroIsExactlyTheZeroPoint(double min, double max) {
        ActivationQuant q = ActivationQuant.fromRange(min, max);
        assertEquals(q.zeroPoint(), q.quantize(0.0));
        assertEquals(0.0, q.dequantize(q.zeroPoint()));
        assertTrue(q.range()[0] <= Math.min(0, min) + q.scale() / 2 && q.range()[1] >= Math.max(0, max) - q.scale() / 2);
    }

    @Test
    void valuesInsideTheRangeComeBackWithinHalfAStep() {
        ActivationQuant q = ActivationQuant.fromRange(-0.7, 3.1);
        for (double x = -0.7; x <= 3.1; x += 0.001) {
            assertTrue(Math.abs(q.dequantize(q.quantize(x)) - x) <= q.scale() / 2 + 1e-9, "x = " + x);
        }
    }

    @Test
    void tiesRoundAwayFromZeroAndCodesSaturate() {
        ActivationQuant q = new ActivationQuant(0.5f, 10);
        assertEquals(12, q.quantize(0.75));
        assertEquals(8, q.quantize(-0.75));
        assertEquals(255, q.quantize(1e6));
        assertEquals(0, q.quantize(-1e6));
    }

    @Test
    void badParametersAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new ActivationQuant(0f, 0));
        assertThrows(IllegalArgumentException.class, () -> new ActivationQuant(1f, 256));
        assertThrows(IllegalArgumentException.class, () -> ActivationQuant.fromRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> ActivationQuant.fromRange(Double.NaN, 1));
    }
}
