package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every bad input gives an IllegalArgumentException saying what was wrong and what is allowed. */
class BadInputTest {

    private static void rejects(Executable call, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {-1, 0, 1, 17, 32})
    void symmetricBitsOutOfRange(int bits) {
        rejects(() -> Quantizer.symmetric(bits), bits + " bits", "2..16");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {0, 17})
    void asymmetricBitsOutOfRange(int bits) {
        rejects(() -> Quantizer.asymmetric(bits), "1..16");
    }

    @Test
    void oneBitSymmetricPointsToBinary() {
        rejects(() -> Quantizer.symmetric(1), "binary");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {0, 17})
    void packerBitsOutOfRange(int bits) {
        rejects(() -> BitPacker.pack(new int[] {0}, bits), "1..16");
    }

    @Test
    void codeTooLargeForPacking() {
        rejects(() -> BitPacker.pack(new int[] {0, 4}, 2), "code 4 at index 1", "0..3");
    }

    @Test
    void packedBytesTooShort() {
        rejects(() -> BitPacker.unpack(new byte[1], 4, 3), "need 2 bytes");
    }

    @Test
    void nanValue() {
        rejects(() -> Quantizer.symmetric(8).quantize(new float[] {1f, Float.NaN}), "NaN", "index 1", "finite");
    }

    @Test
    void infiniteValue() {
        INDArray x = Nd4j.create(new float[] {0f, 1f, Float.NEGATIVE_INFINITY, 2f}, new long[] {2, 2}, 'c');
        rejects(() -> Quantizer.asymmetric(4).quantize(x), "Infinity", "finite");
        rejects(() -> MinMaxObserver.of(Quantizer.asymmetric(4)).observe(x), "Infinity");
    }

    @Test
    void emptyTensor() {
        rejects(() -> Quantizer.symmetric(8).quantize(new float[0]), "empty");
        rejects(() -> Quantizer.binary().quantize(Nd4j.create(DataType.FLOAT, 0, 3)), "empty");
    }

    @ParameterizedTest(name = "value {0}")
    @ValueSource(floats = {0f, 0.75f, -3f, 1e-40f})
    void allEqualTensorGetsAPositiveFiniteScale(float value) {
        float[] x = new float[10];
        Arrays.fill(x, value);
        for (Quantizer q : new Quantizer[] {Quantizer.symmetric(8), Quantizer.asymmetric(8), Quantizer.asymmetric(1),
                Quantizer.binary(), Quantizer.ternary(), Quantizer.symmetric(4).withRangeEstimator(MseClippingObserver::of)}) {
            QuantizedTensor qt = q.quantize(x);
            float s = qt.params().scale();
            assertTrue(s > 0 && Float.isFinite(s), q + " scale " + s);
            for (float v : qt.toFloatArray()) {
                assertTrue(Float.isFinite(v), q + " gives " + v);
                assertEquals(value, v, Math.abs(value) * 0.01 + 1e-30, q.toString());
            }
        }
    }

    @Test
    void allZeroTensorComesBackExactly() {
        float[] x = new float[6];
        assertArrayEquals(x, Quantizer.symmetric(8).fakeQuantize(x));
        assertArrayEquals(x, Quantizer.asymmetric(3).perGroup(2).fakeQuantize(x));
        assertArrayEquals(x, Quantizer.ternary().fakeQuantize(x));
    }

    @Test
    void axisOutOfRange() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 4, 1, 3, 3);
        rejects(() -> Quantizer.symmetric(8).perChannel(4).quantize(w), "axis 4", "[4, 1, 3, 3]", "0..3");
        rejects(() -> Quantizer.symmetric(8).perGroup(3, 7).quantize(w), "axis 7", "0..3");
        rejects(() -> Quantizer.symmetric(8).perChannel(-1), "axis");
    }

    @Test
    void groupSizeNotDividingTheChannel() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, 10, 4);
        rejects(() -> Quantizer.symmetric(4).perGroup(3, 1).quantize(w), "group size 3", "10 values", "divisor of 10");
        rejects(() -> Quantizer.symmetric(4).perGroup(0, 1), "group size");
    }

    @Test
    void codesNotMatchingTheShape() {
        QuantParams p = QuantParams.symmetric(8, 0.1f);
        rejects(() -> new QuantizedTensor(new int[] {1, 2, 3}, new long[] {2, 2}, p), "holds 4 values", "3 codes");
        rejects(() -> p.withCodes(new int[] {1, 2}, 3), "holds 3 values");
    }

    @Test
    void paramsForAnotherChannelCount() {
        QuantParams p = Quantizer.symmetric(8).perChannel(1).params(Nd4j.ones(DataType.FLOAT, 4, 3));
        rejects(() -> new QuantizedTensor(new int[8], new long[] {2, 4}, p), "4 groups", "have 3");
        rejects(() -> Quantizer.symmetric(8).quantize(Nd4j.ones(DataType.FLOAT, 4, 5), p), "5 groups", "have 3");
    }

    @Test
    void codesOutsideTheirRange() {
        rejects(() -> QuantParams.asymmetric(4, 0.5f, 3).withCodes(new int[] {0, 16}, 2), "code 16", "0..15");
        QuantParams binary = Quantizer.binary().params(new float[] {1f, -1f});
        rejects(() -> binary.withCodes(new int[] {1, 0}, 2), "except 0");
    }

    @Test
    void badParameters() {
        rejects(() -> QuantParams.asymmetric(8, 0f, 0), "positive");
        rejects(() -> QuantParams.asymmetric(8, Float.NaN, 0), "finite");
        rejects(() -> QuantParams.asymmetric(8, 0.1f, 256), "zero-point", "0..255");
        rejects(() -> new QuantParams(Scheme.SYMMETRIC, 8, -100, 127, Granularity.perTensor(), new float[] {1f},
                new int[] {0}), "-128..127", "-127..127");
        rejects(() -> QuantParams.asymmetric(8, 0.1f, 0).withCodes(new int[] {0}, 1).params().scale(1), "group 1");
    }

    @Test
    void mismatchedShapesForErrorMetrics() {
        rejects(() -> QuantError.of(Nd4j.zeros(2, 3), Nd4j.zeros(3, 2)), "[2, 3]", "[3, 2]");
        rejects(() -> QuantError.of(new float[3], new float[4]), "3 and 4");
    }

    @Test
    void rangeWithMinAboveMax() {
        rejects(() -> Quantizer.asymmetric(8).paramsFromRange(new float[] {1f}, new float[] {0f}), "min <= max");
    }

    @Test
    void integerArraysAreRejected() {
        rejects(() -> Quantizer.symmetric(8).quantize(Nd4j.createFromArray(1, 2, 3)), "INT", "floating-point");
    }

    @Test
    void givenParamsOfASignScheme() {
        QuantParams p = Quantizer.binary().params(new float[] {1f, -2f});
        rejects(() -> Quantizer.symmetric(8).quantize(new float[] {1f, 2f}, p), "binary");
    }
}
