package org.quantcourse.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quantcourse.integer.ActivationQuant;

class QuantizeLinearTest {
    private static final int VALUES = 3000;

    @ParameterizedTest
    @CsvSource({"0.003921569, 0", "0.05, 17", "0.125, 128", "0.7, 255"})
    void equalsOnnxRuntimesQuantizeDequantizePair(float scale, int zeroPoint) {
        ActivationQuant q = new ActivationQuant(scale, zeroPoint);
        float[] x = probe(new Random(zeroPoint), scale, zeroPoint);
        float[] ort;
        try (OrtModel pair = OrtModel.load(OnnxExport.quantizeDequantize(q, VALUES), 1)) {
            ort = pair.run(x, 1, VALUES);
        }
        assertArrayEquals(ort, QuantizeLinear.roundTrip(x, scale, zeroPoint));
    }

    @Test
    void roundsTiesToEven() {
        assertArrayEquals(new int[] {10, 12, 12, 14, 8}, QuantizeLinear.quantize(new float[] {0.5f, 1.5f, 2.5f, 3.5f,
                -1.5f}, 1f, 10));
    }

    @Test
    void saturatesToUint8() {
        assertEquals(0, QuantizeLinear.quantize(-1e9f, 0.1f, 3));
        assertEquals(255, QuantizeLinear.quantize(1e9f, 0.1f, 3));
    }

    @Test
    void differsFromTheEnginesRoundingOnlyOnTies() {
        ActivationQuant q = new ActivationQuant(1f, 10);
        assertNotEquals(q.quantize(2.5), QuantizeLinear.quantize(2.5f, 1f, 10), "ties: away from zero vs even");
        assertEquals(q.quantize(2.4), QuantizeLinear.quantize(2.4f, 1f, 10));
    }

    @Test
    void dequantizeIsCodeMinusZeroPointTimesScale() {
        assertEquals(0.25f * (7 - 3), QuantizeLinear.dequantize(7, 0.25f, 3));
    }

    /** Every third value an exact tie {@code s (k + 1/2)}, the rest Gaussian, some far outside the codes. */
    private static float[] probe(Random random, float scale, int zeroPoint) {
        float[] x = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            x[i] = i % 3 == 0 ? scale * (random.nextInt(320) - 32 - zeroPoint + 0.5f)
                    : (float) (random.nextGaussian() * 150 * scale);
        }
        return x;
    }
}
