package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small tensors whose codes and values were computed by hand (scales chosen exactly representable). */
class QuantizerGoldenValuesTest {

    @Test
    void symmetricEightBitPerTensor() {
        // max|x| = 63.5 -> s = 63.5 / 127 = 0.5; x/s = -127, -2.5, -1.5, 0, 0.5, 1.5, 2, 127
        float[] x = {-63.5f, -1.25f, -0.75f, 0f, 0.25f, 0.75f, 1.0f, 63.5f};
        QuantizedTensor q = Quantizer.symmetric(8).quantize(x);
        assertEquals(0.5f, q.params().scale());
        assertEquals(0, q.params().zeroPoint());
        assertArrayEquals(new int[] {-127, -2, -2, 0, 0, 2, 2, 127}, q.codes());
        assertArrayEquals(new float[] {-63.5f, -1f, -1f, 0f, 0f, 1f, 1f, 63.5f}, q.toFloatArray());
    }

    @Test
    void asymmetricEightBitPerTensor() {
        // [min, max] = [-25.5, 102] -> s = 127.5 / 255 = 0.5, z = -rint(-25.5 / 0.5) = 51
        // x/s = -51, -0.5, 0, 0.5, 1.5, 204 -> rint, then + 51 = 0, 51, 51, 51, 53, 255
        float[] x = {-25.5f, -0.25f, 0f, 0.25f, 0.75f, 102f};
        QuantizedTensor q = Quantizer.asymmetric(8).quantize(x);
        assertEquals(0.5f, q.params().scale());
        assertEquals(51, q.params().zeroPoint());
        assertArrayEquals(new int[] {0, 51, 51, 51, 53, 255}, q.codes());
        assertArrayEquals(new float[] {-25.5f, 0f, 0f, 0f, 1f, 102f}, q.toFloatArray());
    }

    @Test
    void asymmetricWidensAPositiveRangeToIncludeZero() {
        // [1, 3] widened to [0, 3]; 2 bits -> s = 1, z = 0
        QuantizedTensor q = Quantizer.asymmetric(2).quantize(new float[] {1f, 2f, 3f});
        assertEquals(1f, q.params().scale());
        assertEquals(0, q.params().zeroPoint());
        assertArrayEquals(new int[] {1, 2, 3}, q.codes());
    }

    @Test
    void asymmetricOneBitHasTwoLevels() {
        // [-1, 3] -> s = 4 / 1 = 4, z = -rint(-0.25) = 0; x/s = -0.25, 0.125, 0.75 -> 0, 0, 1
        QuantizedTensor q = Quantizer.asymmetric(1).quantize(new float[] {-1f, 0.5f, 3f});
        assertEquals(4f, q.params().scale());
        assertArrayEquals(new int[] {0, 0, 1}, q.codes());
        assertArrayEquals(new float[] {0f, 0f, 4f}, q.toFloatArray());
    }

    @Test
    void restrictedSymmetricTwoBitUsesThreeCodes() {
        // max|x| = 2 -> s = 2 / 1 = 2; codes in -1..1
        QuantizedTensor q = Quantizer.symmetric(2).restrictedRange().quantize(new float[] {-2f, -0.9f, 1.1f, 2f});
        assertEquals(-1, q.params().qmin());
        assertArrayEquals(new int[] {-1, 0, 1, 1}, q.codes());
    }

    @Test
    void perChannelOnConvWeightUsesAxisZero() {
        // [out=2, in=1, kh=1, kw=2]: channel 0 = {1.5, -3} -> s = 3/3 = 1; channel 1 = {0.75, 0.375} -> s = 0.25
        INDArray w = Nd4j.create(new float[] {1.5f, -3f, 0.75f, 0.375f}, new long[] {2, 1, 1, 2}, 'c');
        QuantizedTensor q = Quantizer.symmetric(3).perChannel(0).quantize(w);
        assertArrayEquals(new float[] {1f, 0.25f}, q.params().scales());
        // 1.5 -> 2 (half to even), -3, 3, 1.5 -> 2
        assertArrayEquals(new int[] {2, -3, 3, 2}, q.codes());
    }

    @Test
    void perChannelOnDenseWeightUsesAxisOne() {
        // DL4J dense [nIn=3, nOut=2]: column 0 = {7, -1, 2.5} -> s = 1; column 1 = {0.875, 0.25, -1.75} -> s = 0.25
        INDArray w = Nd4j.create(new float[] {7f, 0.875f, -1f, 0.25f, 2.5f, -1.75f}, new long[] {3, 2}, 'c');
        QuantizedTensor q = Quantizer.symmetric(4).perChannel(1).quantize(w);
        assertArrayEquals(new float[] {1f, 0.25f}, q.params().scales());
        assertArrayEquals(new int[] {7, 4, -1, 1, 2, -7}, q.codes());
    }

    @Test
    void perGroupOnDenseWeightGroupsAlongTheInputDimension() {
        // [nIn=4, nOut=1], groups of 2 along the input: {7, 1} -> s = 1 and {0.875, -0.25} -> s = 0.125
        INDArray w = Nd4j.create(new float[] {7f, 1f, 0.875f, -0.25f}, new long[] {4, 1}, 'c');
        QuantizedTensor q = Quantizer.symmetric(4).perGroup(2, 1).quantize(w);
        assertArrayEquals(new float[] {1f, 0.125f}, q.params().scales());
        assertArrayEquals(new int[] {7, 1, 7, -2}, q.codes());
    }

    @Test
    void perGroupOnConvWeightGroupsTheFlattenedInputOfEachOutputChannel() {
        // [out=1, in=2, kh=1, kw=2] flattened in*kh*kw = {2, 1, 0.5, 0.25}; groups of 2
        INDArray w = Nd4j.create(new float[] {2f, 1f, 0.5f, 0.25f}, new long[] {1, 2, 1, 2}, 'c');
        QuantParams p = Quantizer.symmetric(2).perGroup(2, 0).params(w);
        assertArrayEquals(new float[] {2f, 0.5f}, p.scales());
    }

    @Test
    void perGroupWithoutChannelAxisGroupsTheFlattenedTensor() {
        // {7, -1} -> s = 1; {0.25, 0.875} -> s = 0.125 (4 bits: 7 levels)
        QuantizedTensor q = Quantizer.symmetric(4).perGroup(2).quantize(new float[] {7f, -1f, 0.25f, 0.875f});
        assertArrayEquals(new float[] {1f, 0.125f}, q.params().scales());
        assertArrayEquals(new int[] {7, -1, 2, 7}, q.codes());
    }

    @Test
    void binaryIsSignTimesMeanAbs() {
        QuantizedTensor q = Quantizer.binary().quantize(new float[] {0.5f, -1.5f, 0f, 2f});
        assertEquals(1f, q.params().scale());
        assertArrayEquals(new int[] {1, -1, 1, 1}, q.codes());
        assertArrayEquals(new float[] {1f, -1f, 1f, 1f}, q.toFloatArray());
    }

    @Test
    void ternaryKeepsValuesAboveSevenTenthsOfMeanAbs() {
        // mean|x| = 3.6 / 5 = 0.72, threshold 0.504; kept {1, -2} -> scale 1.5
        QuantizedTensor q = Quantizer.ternary().quantize(new float[] {1f, -0.1f, 0.5f, -2f, 0f});
        assertEquals(1.5f, q.params().scale());
        assertArrayEquals(new int[] {1, 0, 0, -1, 0}, q.codes());
        assertArrayEquals(new float[] {1.5f, 0f, 0f, -1.5f, 0f}, q.toFloatArray());
    }

    @Test
    void scalarTensorKeepsItsShape() {
        // max|x| = 0.3 -> x/s = 127 exactly representable after rounding
        QuantizedTensor q = Quantizer.symmetric(8).quantize(Nd4j.scalar(0.3f));
        assertEquals(0, q.shape().length);
        assertArrayEquals(new int[] {127}, q.codes());
        assertEquals(0, q.dequantize().rank());
    }

    @Test
    void sweepMapsOneBitSymmetricToBinary() {
        assertEquals(Scheme.BINARY, Quantizer.of(Scheme.SYMMETRIC, 1).scheme());
        assertEquals(Scheme.ASYMMETRIC, Quantizer.of(Scheme.ASYMMETRIC, 1).scheme());
        assertEquals(Scheme.SYMMETRIC, Quantizer.of(Scheme.SYMMETRIC, 2).scheme());
    }

    @Test
    void packsFourTwoBitCodesIntoOneByteLeastSignificantFirst() {
        byte[] packed = BitPacker.pack(new int[] {1, 2, 3, 0, 3}, 2);
        assertArrayEquals(new byte[] {(byte) 0b00_11_10_01, 0b11}, packed);
    }
}
