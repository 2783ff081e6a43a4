package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FakeQuantizeAndErrorTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void fakeQuantizeWithExplicitParamsClampsAndRoundsHalfToEven() {
        // s = 0.5, z = 3, codes 0..15: x/s = -4, -3, -0.5, 0, 0.5, 1.5, 14 -> rint + 3 = -1, 0, 3, 3, 3, 5, 17
        // -> clamped 0, 0, 3, 3, 3, 5, 15 (PyTorch's order: the zero-point is added after rounding)
        float[] x = {-2f, -1.5f, -0.25f, 0f, 0.25f, 0.75f, 7f};
        assertArrayEquals(new float[] {-1.5f, -1.5f, 0f, 0f, 0f, 1f, 6f}, FakeQuantize.apply(x, 0.5f, 3, 0, 15));
    }

    @Test
    void fakeQuantizeWithParamsEqualsQuantizeThenDequantize() {
        INDArray w = TestTensors.weights(3, TestTensors.DENSE);
        Quantizer q = Quantizer.asymmetric(4).perChannel(1);
        QuantParams p = q.params(w);
        assertArrayEquals(q.fakeQuantize(w).toFloatMatrix(), FakeQuantize.apply(w, p).toFloatMatrix());
        assertArrayEquals(q.fakeQuantize(w).toFloatMatrix(), FakeQuantize.apply(w, q).toFloatMatrix());
    }

    @Test
    void steMaskIsOneInsideTheRangeAndZeroWhereClipped() {
        QuantParams p = QuantParams.asymmetric(2, 1f, 1); // range [-1, 2]
        INDArray x = Nd4j.create(new float[] {-1.5f, -1f, 0.3f, 2f, 2.1f});
        assertArrayEquals(new float[] {0f, 1f, 1f, 1f, 0f}, FakeQuantize.steMask(x, p).toFloatVector());
    }

    @Test
    void errorMetricsOnAHandComputedPair() {
        // errors 0, 0.5, -1 -> mse = 1.25/3; signal 1 + 4 + 9 = 14 -> sqnr = 10 log10(14 / 1.25)
        QuantError e = QuantError.of(new float[] {1f, 2f, 3f}, new float[] {1f, 1.5f, 4f});
        assertEquals(1.25 / 3, e.mse(), TOLERANCE);
        assertEquals(1.0, e.maxAbsError(), TOLERANCE);
        assertEquals(10 * Math.log10(14 / 1.25), e.sqnrDb(), TOLERANCE);
        assertEquals(3, e.count());
    }

    @Test
    void noErrorMeansInfiniteSqnr() {
        assertEquals(Double.POSITIVE_INFINITY, QuantError.of(new float[] {1f}, new float[] {1f}).sqnrDb());
    }

    @Test
    void representableRangeAndBoundFollowTheParams() {
        QuantParams p = QuantParams.asymmetric(8, 0.5f, 51);
        assertEquals(-25.5f, p.rangeMin(0));
        assertEquals(102f, p.rangeMax(0));
        assertEquals(0.25f, p.errorBound(0));
    }

    @Test
    void sizesCountPackedBitsAndParams() {
        QuantizedTensor q = Quantizer.asymmetric(3).perChannel(1).quantize(TestTensors.weights(1, 10, 4));
        assertEquals(160, q.fp32Bytes());
        assertEquals(15, q.packedBytes()); // 40 codes * 3 bits = 120 bits
        assertEquals(15 + 4 * 8, q.storedBytes()); // + 4 scales and 4 zero-points
    }
}
