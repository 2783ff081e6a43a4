package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AffineTest {

    @Test
    void roundsHalfToEven() {
        assertEquals(0, Affine.quantize(0.5f, 1f, 0, -8, 7));
        assertEquals(2, Affine.quantize(1.5f, 1f, 0, -8, 7));
        assertEquals(2, Affine.quantize(2.5f, 1f, 0, -8, 7));
        assertEquals(-2, Affine.quantize(-2.5f, 1f, 0, -8, 7));
        assertEquals(-4, Affine.quantize(-3.5f, 1f, 0, -8, 7));
    }

    @Test
    void addsZeroPointAfterRoundingLikePyTorch() {
        // rint(0.25/0.5) + 3 = rint(0.5) + 3 = 0 + 3 = 3, not rint(3.5) = 4; (3 - 3) * 0.5 = 0
        assertEquals(3, Affine.quantize(0.25f, 0.5f, 3, 0, 15));
        assertEquals(0f, Affine.fakeQuantize(0.25f, 0.5f, 3, 0, 15));
    }

    @Test
    void clampsToCodeRange() {
        assertEquals(7, Affine.quantize(100f, 1f, 0, -8, 7));
        assertEquals(-8, Affine.quantize(-100f, 1f, 0, -8, 7));
        assertEquals(15, Affine.quantize(1e30f, 0.1f, 5, 0, 15));
    }

    @Test
    void dequantizesAsScaleTimesCodeMinusZeroPoint() {
        assertEquals(-1.25f, Affine.dequantize(1, 0.25f, 6));
        assertEquals(0f, Affine.dequantize(6, 0.25f, 6));
    }
}
