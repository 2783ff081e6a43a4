package org.quantcourse.quant;

/**
 * The two formulas of uniform quantization for one value, in float arithmetic exactly as written:
 * {@code q = clamp(round(x/s + z), qmin, qmax)} and {@code x' = (q - z) * s}. Rounding is half to even.
 * Used in notebook 02.
 */
public final class Affine {
    private Affine() {}

    /** The code {@code clamp(rint(x/s + z), qmin, qmax)}, computed in float like PyTorch's fake_quantize. */
    public static int quantize(float x, float scale, int zeroPoint, int qmin, int qmax) {
        return clamp(Math.rint(x / scale + zeroPoint), qmin, qmax);
    }

    /** The value {@code (q - z) * s} of a code. */
    public static float dequantize(int q, float scale, int zeroPoint) {
        return (q - zeroPoint) * scale;
    }

    /** Quantize then dequantize one value: {@code (clamp(rint(x/s + z), qmin, qmax) - z) * s}. */
    public static float fakeQuantize(float x, float scale, int zeroPoint, int qmin, int qmax) {
        return dequantize(quantize(x, scale, zeroPoint, qmin, qmax), scale, zeroPoint);
    }

    /** {@code v} rounded by {@code rounder}, then clamped to {@code [qmin, qmax]}. */
    static int quantize(float x, float scale, int zeroPoint, int qmin, int qmax, Rounding.Rounder rounder) {
        return clamp(rounder.round(x / scale + zeroPoint), qmin, qmax);
    }

    private static int clamp(double v, int qmin, int qmax) {
        return (int) Math.max(qmin, Math.min(qmax, v));
    }
}
