package org.quantcourse.calibration;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.Affine;
import org.quantcourse.quant.FakeQuantize;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * How the activation at each site is fake-quantized, always on an asymmetric per-tensor grid with {@code b}
 * bits (for ReLU outputs the range starts at 0, so {@code z = 0} and all {@code 2^b} codes are non-negative:
 * the unsigned grid comes free). Used in notebook 08.
 *
 * <ul>
 *   <li>{@link StaticRanges}: one range per site, fixed before inference from calibration batches
 *       ({@link Calibration#calibrate});
 *   <li>{@link Dynamic}: the range measured at run time from the activation itself: per batch (one range for
 *       the whole batch tensor) or per input (one range per sample, as PyTorch's dynamic quantization does per
 *       row);
 *   <li>{@link None}: FP32 activations.
 * </ul>
 */
public sealed interface ActivationQuantization extends SiteHook
        permits StaticRanges, ActivationQuantization.Dynamic, ActivationQuantization.None {

    /** The name in result tables (the observer, "dynamic per batch", ...). */
    String name();

    /** Bits per activation (32 for FP32). */
    int bits();

    /** Ranges measured per batch at run time. */
    static ActivationQuantization dynamicPerBatch(int bits) {
        return new Dynamic(bits, false);
    }

    /** Ranges measured per input (per sample) at run time. */
    static ActivationQuantization dynamicPerInput(int bits) {
        return new Dynamic(bits, true);
    }

    /** FP32 activations. */
    static ActivationQuantization none() {
        return new None();
    }

    /** {@code (clamp(rint(x/s + z), qmin, qmax) - z) * s} for every value of {@code a}, in a new array. */
    static INDArray fakeQuantize(INDArray a, QuantParams p) {
        float[] v = values(a);
        float[] out = FakeQuantize.apply(v, p.scale(), p.zeroPoint(), p.qmin(), p.qmax());
        return Nd4j.create(out, a.shape(), 'c');
    }

    /** Fake-quantizes each of {@code groups} equal consecutive parts of {@code a} with its own min-max range. */
    static INDArray fakeQuantizeMinMax(INDArray a, int bits, long groups) {
        float[] v = values(a);
        int size = (int) (v.length / groups);
        Quantizer q = Quantizer.asymmetric(bits);
        for (int g = 0; g < groups; g++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = g * size; i < (g + 1) * size; i++) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            QuantParams p = q.paramsFromRange(new float[] {lo}, new float[] {hi});
            for (int i = g * size; i < (g + 1) * size; i++) {
                v[i] = Affine.fakeQuantize(v[i], p.scale(), p.zeroPoint(), p.qmin(), p.qmax());
            }
        }
        return Nd4j.create(v, a.shape(), 'c');
    }

    /** The values of {@code a} in C order, copied once (no intermediate copy when {@code a} is already C-contiguous). */
    private static float[] values(INDArray a) {
        INDArray c = a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
        return c.reshape(c.length()).toFloatVector();
    }

    /**
     * Ranges measured at run time.
     *
     * @param bits bits per activation
     * @param perInput one range per sample (true) or per batch (false)
     */
    record Dynamic(int bits, boolean perInput) implements ActivationQuantization {
        @Override
        public String name() {
            return perInput ? "dynamic per input" : "dynamic per batch";
        }

        @Override
        public INDArray at(int site, INDArray a) {
            return fakeQuantizeMinMax(a, bits, perInput ? a.size(0) : 1);
        }
    }

    /** FP32 activations: every site passes unchanged. */
    record None() implements ActivationQuantization {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public int bits() {
            return 32;
        }

        @Override
        public INDArray at(int site, INDArray a) {
            return a;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "FP32 activations");
        }
    }
}
