package org.quantcourse.quant;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Quantize-then-dequantize in one call, as used to simulate quantization in a float network, plus the
 * straight-through estimator's gradient mask. Used in notebooks 02 and 03.
 */
public final class FakeQuantize {
    private FakeQuantize() {}

    /** {@code x'} with the parameters {@code quantizer} picks for {@code x}. */
    public static INDArray apply(INDArray x, Quantizer quantizer) {
        return quantizer.fakeQuantize(x);
    }

    /** {@code x'} with given uniform parameters (e.g. from an observer), half-to-even rounding. */
    public static INDArray apply(INDArray x, QuantParams params) {
        return Quantizer.of(params.scheme(), params.bits()).quantize(x, params).dequantize();
    }

    /** {@code (clamp(rint(x/s + z), qmin, qmax) - z) * s} for every value, like PyTorch's per-tensor version. */
    public static float[] apply(float[] x, float scale, int zeroPoint, int qmin, int qmax) {
        if (!(scale > 0) || !Float.isFinite(scale) || qmin >= qmax || zeroPoint < qmin || zeroPoint > qmax) {
            throw new IllegalArgumentException("need scale > 0 and finite, qmin < qmax, qmin <= zeroPoint <= qmax; got"
                    + " scale " + scale + ", zeroPoint " + zeroPoint + ", codes " + qmin + ".." + qmax);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Affine.fakeQuantize(x[i], scale, zeroPoint, qmin, qmax);
        }
        return out;
    }

    /**
     * The straight-through estimator's gradient mask: 1 where {@code x} lies inside its group's representable
     * range {@code [s(qmin-z), s(qmax-z)]} (the gradient passes), 0 where it is clipped (the gradient is 0).
     */
    public static INDArray steMask(INDArray x, QuantParams params) {
        TensorData t = TensorData.of(x);
        GroupLayout layout = GroupLayout.of(params.granularity(), t.shape());
        if (layout.groups() != params.groups()) {
            throw new IllegalArgumentException("tensor has " + layout.groups() + " groups under "
                    + params.granularity() + " but the parameters have " + params.groups());
        }
        float[] mask = new float[t.data().length];
        for (int i = 0; i < mask.length; i++) {
            int g = layout.groupOf(i);
            float v = t.data()[i];
            mask[i] = v >= params.rangeMin(g) && v <= params.rangeMax(g) ? 1f : 0f;
        }
        return TensorData.toArray(mask, t.shape());
    }
}
