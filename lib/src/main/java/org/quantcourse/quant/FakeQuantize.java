package org.quantcourse.quant;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Quantize-then-dequantize in one call, as used to simulate quantization in a float network, plus the
 * straight-through estimator's gradient mask.
 */
public final class FakeQuantize {
    private FakeQuantize() {}

    /** {@code x'} with the parameters {@code quantizer} picks for {@code x}. */
    public static INDArray apply(INDArray x, Quantizer quantizer) {
        if (quantizer == null) {
            throw new IllegalArgumentException("quantizer is null: pass e.g. Quantizer.symmetric(8)");
        }
        return quantizer.fakeQuantize(x);
    }

    /** {@code x'} with given uniform parameters (e.g. from an observer), half-to-even rounding. */
    public static INDArray apply(INDArray x, QuantParams params) {
        if (params == null) {
            throw new IllegalArgumentException("params are null: pass the QuantParams of an observer or quantizer");
        }
        return Quantizer.of(params.scheme(), params.bits()).quantize(x, params).dequantize();
    }

    /**
     * {@code (clamp(rint(x/s) + z, qmin, qmax) - z) * s} for every value, bit for bit like PyTorch's
     * {@code fake_quantize_per_tensor_affine} (see {@link Affine}); NaN, ±Infinity and unusable parameters are
     * rejected.
     */
    public static float[] apply(float[] x, float scale, int zeroPoint, int qmin, int qmax) {
        if (x == null) {
            throw new IllegalArgumentException("values are null: pass a float[]");
        }
        Affine.checkParams(scale, zeroPoint, qmin, qmax);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("value " + x[i] + " at index " + i
                        + ": only finite values (no NaN or Infinity) can be quantized");
            }
            out[i] = Affine.value(Affine.code(x[i], scale, zeroPoint, qmin, qmax, Math::rint), scale, zeroPoint);
        }
        return out;
    }

    /**
     * The straight-through estimator's gradient mask: 1 where {@code x} lies inside its group's representable
     * range {@code [s(qmin-z), s(qmax-z)]} (the gradient passes), 0 where it is clipped (the gradient is 0).
     */
    public static INDArray steMask(INDArray x, QuantParams params) {
        TensorData t = TensorData.of(x);
        GroupLayout layout = GroupLayout.matching(params, t.shape());
        float[] mask = new float[t.data().length];
        for (int i = 0; i < mask.length; i++) {
            int g = layout.groupOf(i);
            float v = t.data()[i];
            mask[i] = v >= params.rangeMin(g) && v <= params.rangeMax(g) ? 1f : 0f;
        }
        return TensorData.toArray(mask, t.shape());
    }
}
