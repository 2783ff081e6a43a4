package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Affine and FakeQuantize.apply(float[], ...) reject what the tensor path rejects, with the same words, and keep
 * finite inputs finite at both ends of the float range.
 */
class LowLevelHelpersBadInputTest {

    private static void rejects(Executable call, String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void affineRejectsNonFiniteValuesLikeTheTensorPath(float x) {
        rejects(() -> Affine.quantize(x, 0.1f, 3, 0, 15), String.valueOf(x), "only finite values");
        rejects(() -> Affine.fakeQuantize(x, 0.1f, 3, 0, 15), String.valueOf(x), "only finite values");
        rejects(() -> Quantizer.asymmetric(4).quantize(new float[] {x}), String.valueOf(x), "only finite values");
    }

    @Test
    void fakeQuantizeArrayRejectsNaNAndNamesItsIndex() {
        rejects(() -> FakeQuantize.apply(new float[] {1f, Float.NaN}, 0.5f, 0, -8, 7), "NaN", "index 1",
                "only finite values");
    }

    @Test
    void nullsGiveAClearMessage() {
        rejects(() -> FakeQuantize.apply((float[]) null, 0.5f, 0, -8, 7), "null", "float[]");
        rejects(() -> FakeQuantize.apply(org.nd4j.linalg.factory.Nd4j.ones(2), (Quantizer) null), "quantizer",
                "null");
        rejects(() -> FakeQuantize.apply(org.nd4j.linalg.factory.Nd4j.ones(2), (QuantParams) null), "params",
                "null");
    }

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(floats = {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e-45f})
    void unusableScalesAreRejected(float scale) {
        rejects(() -> Affine.quantize(1f, scale, 0, -8, 7), "scale", "positive and finite");
        rejects(() -> Affine.dequantize(1, scale, 0), "scale", "positive and finite");
        rejects(() -> FakeQuantize.apply(new float[] {1f}, scale, 0, -8, 7), "scale", "positive and finite");
    }

    @Test
    void zeroPointOutsideTheCodesIsRejected() {
        rejects(() -> Affine.quantize(1f, 1f, 16, 0, 15), "zeroPoint 16", "0..15");
        rejects(() -> FakeQuantize.apply(new float[] {1f}, 1f, 0, 7, 7), "qmin < qmax");
    }

    @Test
    void nanNeverBecomesACodeOutsideTheRange() {
        // before: rint(NaN) clamped through Math.max/min gave code 0, outside [1, 15]
        rejects(() -> Affine.quantize(Float.NaN, 1f, 1, 1, 15), "NaN");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScaleRule.class)
    void extremeFiniteRangesGiveFiniteScalesAndFiniteValues(ScaleRule rule) {
        float[] x = {-3e38f, -Float.MAX_VALUE, 0f, 1f, 3e38f, Float.MAX_VALUE};
        for (Quantizer q : new Quantizer[] {Quantizer.symmetric(8), Quantizer.asymmetric(8), Quantizer.asymmetric(1),
                Quantizer.symmetric(16), Quantizer.asymmetric(16)}) {
            QuantizedTensor t = q.withScaleRule(rule).quantize(x);
            assertTrue(Float.isFinite(t.params().scale()), q + ": scale " + t.params().scale());
            for (float v : t.toFloatArray()) {
                assertTrue(Float.isFinite(v), q + " " + rule + ": fake-quantized a finite value to " + v);
            }
        }
    }

    @Test
    void fakeQuantizeOfAFiniteValueIsNeverInfinite() {
        // (0 - 128) * (2 * MAX / 255) is just beyond the float range: clamped to -MAX, not -Infinity
        float s = (float) (2.0 * Float.MAX_VALUE / 255);
        assertEquals(-Float.MAX_VALUE, Affine.fakeQuantize(-Float.MAX_VALUE, s, 128, 0, 255));
        assertEquals(-Float.MAX_VALUE, FakeQuantize.apply(new float[] {-Float.MAX_VALUE}, s, 128, 0, 255)[0]);
        // x * (1/s) overflows to Infinity, which clamps to qmax = 7: a finite value 7 * s
        assertEquals(7 * Float.MIN_NORMAL, Affine.fakeQuantize(3e38f, Float.MIN_NORMAL, 0, -8, 7));
    }
}
