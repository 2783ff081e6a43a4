package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded properties that must hold for every bit width. */
class QuantizationPropertiesTest {
    private static final long SEED = 20240611L;
    private static final int TRIALS = 5;

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 12, 16})
    void errorStaysWithinHalfAStepInsideTheRange(int bits) {
        for (int t = 0; t < TRIALS; t++) {
            INDArray w = TestTensors.weights(SEED + t, TestTensors.CONV);
            for (Quantizer q : new Quantizer[] {Quantizer.symmetric(bits), Quantizer.asymmetric(bits),
                    Quantizer.symmetric(bits).perChannel(0), Quantizer.asymmetric(bits).perGroup(9, 0)}) {
                assertEquals(0, QuantError.boundViolations(w, q.quantize(w)), q.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 4, 8})
    void clippedValuesAreTheOnlyOnesBeyondTheBound(int bits) {
        INDArray w = TestTensors.weights(SEED, TestTensors.DENSE);
        QuantParams tight = Quantizer.symmetric(bits).paramsFromRange(new float[] {-0.05f}, new float[] {0.05f});
        QuantizedTensor q = Quantizer.symmetric(bits).quantize(w, tight);
        float[] x = w.dup('c').reshape(-1).toFloatVector();
        float[] xq = q.toFloatArray();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > tight.rangeMax(0)) {
                assertEquals(tight.rangeMax(0), xq[i], "clipped to the top of the range");
            }
        }
        assertEquals(0, QuantError.boundViolations(w, q));
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 3, 4, 8, 16})
    void fakeQuantizeIsIdempotentWithFixedParams(int bits) {
        for (int t = 0; t < TRIALS; t++) {
            INDArray w = TestTensors.weights(SEED + 10 + t, TestTensors.DENSE);
            Quantizer q = Quantizer.asymmetric(bits).perChannel(1);
            QuantParams p = q.params(w);
            INDArray once = q.quantize(w, p).dequantize();
            INDArray twice = q.quantize(once, p).dequantize();
            assertArrayEquals(once.toFloatMatrix(), twice.toFloatMatrix());
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 8, 16})
    void fakeQuantizeIsIdempotentWithRecomputedParams(int bits) {
        INDArray w = TestTensors.weights(SEED + 20, TestTensors.CONV);
        Quantizer q = Quantizer.symmetric(bits).perChannel(0);
        QuantizedTensor once = q.quantize(w);
        QuantizedTensor twice = q.quantize(once.dequantize());
        assertArrayEquals(once.codes(), twice.codes(), "re-quantizing the grid gives the same codes");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 11, 16})
    void zeroIsExactlyRepresentableInAsymmetric(int bits) {
        float[][] tensors = {TestTensors.uniform(SEED, 200, -0.3, 1.7), TestTensors.uniform(SEED, 200, 0.2, 0.9),
                TestTensors.uniform(SEED, 200, -2.0, -0.1), TestTensors.uniform(SEED, 200, -1e-3, 5.0)};
        for (float[] x : tensors) {
            float[] withZero = Arrays.copyOf(x, x.length + 1);
            QuantizedTensor q = Quantizer.asymmetric(bits).quantize(withZero);
            assertEquals(0f, q.toFloatArray()[x.length], "0 comes back as exactly 0");
            assertEquals(q.params().zeroPoint(), q.codes()[x.length], "0 maps to the zero-point");
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 8, 16})
    void quantizationIsMonotonic(int bits) {
        float[] x = TestTensors.uniform(SEED + bits, 500, -1.3, 0.8);
        Arrays.sort(x);
        for (Quantizer q : new Quantizer[] {Quantizer.symmetric(bits), Quantizer.asymmetric(bits)}) {
            QuantizedTensor qt = q.quantize(x);
            int[] codes = qt.codes();
            float[] xq = qt.toFloatArray();
            for (int i = 1; i < x.length; i++) {
                assertTrue(codes[i] >= codes[i - 1] && xq[i] >= xq[i - 1], q + " at " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 8})
    void restrictedSymmetricNeverUsesTheMostNegativeCode(int bits) {
        float[] x = TestTensors.uniform(SEED, 300, -1, 1);
        x[0] = -1.5f;
        QuantizedTensor q = Quantizer.symmetric(bits).restrictedRange().quantize(x);
        int qmax = (1 << (bits - 1)) - 1;
        assertEquals(-qmax, Arrays.stream(q.codes()).min().getAsInt());
        assertEquals(-qmax, q.params().qmin());
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {3, 4, 6, 8, 10})
    void sqnrGrowsAboutSixDecibelsPerBit(int bits) {
        float[] x = TestTensors.uniform(SEED, 20_000, -1, 1);
        double gain = QuantError.of(x, Quantizer.symmetric(bits + 1).fakeQuantize(x)).sqnrDb()
                - QuantError.of(x, Quantizer.symmetric(bits).fakeQuantize(x)).sqnrDb();
        assertTrue(gain > 5.0 && gain < 7.5, "gain " + gain + " dB");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 4, 8})
    void perChannelIsNoWorseThanPerTensorWhenChannelsDifferInScale(int bits) {
        INDArray w = TestTensors.weights(SEED, 8, 4, 3, 3);
        for (int c = 0; c < 8; c++) {
            w.slice(c).muli(Math.pow(2, c - 4));
        }
        double perTensor = QuantError.of(w, Quantizer.symmetric(bits).fakeQuantize(w)).mse();
        double perChannel = QuantError.of(w, Quantizer.symmetric(bits).perChannel(0).fakeQuantize(w)).mse();
        assertTrue(perChannel < perTensor, perChannel + " vs " + perTensor);
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16})
    void packUnpackRoundTripsRandomCodes(int bits) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(SEED + bits);
        for (int n : new int[] {0, 1, 7, 8, 9, 1001}) {
            int[] codes = IntStream.range(0, n).map(i -> r.nextInt(1 << bits)).toArray();
            byte[] packed = BitPacker.pack(codes, bits);
            assertEquals((n * bits + 7) / 8, packed.length);
            assertArrayEquals(codes, BitPacker.unpack(packed, bits, n));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sym2", "sym8", "asym1", "asym3", "asym16", "binary", "ternary"})
    void quantizedTensorRoundTripsThroughPackedBytes(String name) {
        Quantizer q = switch (name) {
            case "binary" -> Quantizer.binary().perChannel(1);
            case "ternary" -> Quantizer.ternary();
            default -> name.startsWith("asym") ? Quantizer.asymmetric(Integer.parseInt(name.substring(4)))
                    : Quantizer.symmetric(Integer.parseInt(name.substring(3)));
        };
        INDArray w = TestTensors.weights(SEED, TestTensors.DENSE);
        QuantizedTensor qt = q.quantize(w);
        byte[] packed = qt.packed();
        assertEquals(qt.packedBytes(), packed.length);
        assertEquals(qt, QuantizedTensor.fromPacked(packed, qt.shape(), qt.params()));
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 4, 8})
    void arrayAndFloatVectorInputsGiveTheSameResult(int bits) {
        float[] x = TestTensors.gaussian(SEED, 60, 0.2);
        INDArray a = Nd4j.create(x, new long[] {12, 5}, 'c');
        Quantizer q = Quantizer.asymmetric(bits).perChannel(1);
        assertEquals(q.quantize(a), q.quantize(x, 12, 5));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void stochasticRoundingIsUnbiasedAndReproducible(long seed) {
        // 0.3 steps above code 2: codes are 2 or 3, 3 with probability 0.3
        float[] x = new float[20_000];
        Arrays.fill(x, 2.3f);
        QuantParams p = QuantParams.symmetric(8, 1f);
        Quantizer q = Quantizer.symmetric(8).stochasticRounding(seed);
        int[] codes = q.quantize(x, p).codes();
        double mean = Arrays.stream(codes).average().orElseThrow();
        assertTrue(Arrays.stream(codes).allMatch(c -> c == 2 || c == 3));
        assertEquals(2.3, mean, 0.02);
        assertArrayEquals(codes, q.quantize(x, p).codes(), "same seed, same codes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"binary", "ternary"})
    void signQuantizersKeepSignsAndUseOneMagnitudePerGroup(String name) {
        Quantizer q = name.equals("binary") ? Quantizer.binary().perChannel(0) : Quantizer.ternary().perChannel(0);
        INDArray w = TestTensors.weights(SEED, TestTensors.CONV);
        QuantizedTensor qt = q.quantize(w);
        float[] x = w.dup('c').reshape(-1).toFloatVector();
        float[] xq = qt.toFloatArray();
        int perChannel = x.length / 4;
        for (int i = 0; i < x.length; i++) {
            assertTrue(xq[i] == 0 || Math.signum(xq[i]) == Math.signum(x[i]) || x[i] == 0);
            assertTrue(xq[i] == 0 || Math.abs(xq[i]) == qt.params().scale(i / perChannel));
        }
    }
}
