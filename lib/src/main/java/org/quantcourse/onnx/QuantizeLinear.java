package org.quantcourse.onnx;

import org.quantcourse.integer.ActivationQuant;

/**
 * ONNX's QuantizeLinear and DequantizeLinear for uint8, as the operator specification defines them (opset 13):
 * {@code y = saturate(round(x / s) + z)} with {@code x / s} in float32, ties rounded <em>to even</em> and the result
 * clamped to {@code [0, 255]}; {@code x' = (q - z) s}. The course's {@link ActivationQuant} rounds ties away from
 * zero (TFLite's rule), so the two differ exactly on ties. Used in notebook 10.
 */
public final class QuantizeLinear {

    private QuantizeLinear() {
    }

    /** {@code clamp(rint(x / s) + z, 0, 255)}, the division in float32 as ONNX Runtime computes it. */
    public static int quantize(float x, float scale, int zeroPoint) {
        float q = (float) Math.rint(x / scale) + zeroPoint;
        return (int) Math.max(ActivationQuant.QMIN, Math.min(ActivationQuant.QMAX, q));
    }

    /** {@link #quantize(float, float, int)} of every value. */
    public static int[] quantize(float[] x, float scale, int zeroPoint) {
        int[] codes = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            codes[i] = quantize(x[i], scale, zeroPoint);
        }
        return codes;
    }

    /** {@code (q - z) s} in float32. */
    public static float dequantize(int code, float scale, int zeroPoint) {
        return (code - zeroPoint) * scale;
    }

    /** DequantizeLinear of QuantizeLinear of every value: what an ONNX Q/DQ pair outputs. */
    public static float[] roundTrip(float[] x, float scale, int zeroPoint) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = dequantize(quantize(x[i], scale, zeroPoint), scale, zeroPoint);
        }
        return out;
    }
}
