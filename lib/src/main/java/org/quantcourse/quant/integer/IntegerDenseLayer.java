package org.quantcourse.quant.integer;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;

/**
 * A dense layer {@code y = x W + b} (DL4J layout {@code W [nIn, nOut]}) computed with integers only, after Jacob
 * et al. 2018.
 *
 * <ul>
 *   <li>weights: int8 symmetric per output channel, codes in {@code [-127, 127]}, {@code z_w = 0};
 *   <li>input and output: 8-bit asymmetric per-tensor codes {@code 0..255} with zero-points {@code z_x, z_y};
 *   <li>bias: int32 with scale {@code s_w[c] * s_x} and zero-point 0;
 *   <li>{@code acc[c] = sum_k q_x[k] q_w[k,c] - z_x * sum_k q_w[k,c] + q_b[c]} in int32 (the zero-point term is
 *       folded in with the precomputed column sums);
 *   <li>{@code q_y[c] = clamp(z_y + round(M[c] * acc[c]), 0, 255)} with {@code M[c] = s_w[c] s_x / s_y} as a
 *       {@link FixedPointMultiplier}; a fused ReLU raises the lower clamp to {@code z_y}.
 * </ul>
 */
public final class IntegerDenseLayer {
    private static final int ACTIVATION_BITS = 8;
    private static final int WEIGHT_BITS = 8;
    /** Largest nIn whose sums of 255 * 127 products, and the zero-point term, stay inside int32. */
    private static final int MAX_INPUTS = 32_768;

    private final int nIn;
    private final int nOut;
    private final int[] weights; // [nIn * nOut], row-major like W
    private final int[] columnSums;
    private final int[] bias;
    private final FixedPointMultiplier[] multipliers;
    private final QuantParams weightParams;
    private final QuantParams inputParams;
    private final QuantParams outputParams;
    private final boolean relu;

    private IntegerDenseLayer(QuantizedTensor w, int[] bias, QuantParams in, QuantParams out, boolean relu) {
        this.nIn = (int) w.shape()[0];
        this.nOut = (int) w.shape()[1];
        this.weights = w.codes();
        this.weightParams = w.params();
        this.bias = bias;
        this.inputParams = in;
        this.outputParams = out;
        this.relu = relu;
        this.columnSums = new int[nOut];
        this.multipliers = new FixedPointMultiplier[nOut];
        for (int c = 0; c < nOut; c++) {
            for (int k = 0; k < nIn; k++) {
                columnSums[c] += weights[k * nOut + c];
            }
            multipliers[c] = FixedPointMultiplier.of((double) weightParams.scale(c) * in.scale() / out.scale());
        }
    }

    /**
     * Quantizes a float dense layer: weights {@code W [nIn, nOut]} and bias {@code b [nOut]} (any shape of nOut
     * values), given the 8-bit asymmetric parameters of its input and output (e.g. from observers).
     */
    public static IntegerDenseLayer of(INDArray w, INDArray b, QuantParams input, QuantParams output, boolean relu) {
        check(w, b, input, output);
        QuantizedTensor qw = Quantizer.symmetric(WEIGHT_BITS).restrictedRange().perChannel(1).quantize(w);
        float[] bf = b.dup('c').reshape(b.length()).toFloatVector();
        int[] qb = new int[bf.length];
        for (int c = 0; c < bf.length; c++) {
            double v = Math.rint(bf[c] / ((double) qw.params().scale(c) * input.scale()));
            qb[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return new IntegerDenseLayer(qw, qb, input, output, relu);
    }

    /** Output codes {@code [batch, nOut]} (row-major) for input codes {@code [batch, nIn]}, integers only. */
    public int[] forwardCodes(int[] inputCodes, int batch) {
        if (inputCodes.length != batch * nIn) {
            throw new IllegalArgumentException(inputCodes.length + " input codes do not fill " + batch + " rows of "
                    + nIn + ": need batch * nIn codes");
        }
        int zx = inputParams.zeroPoint();
        int zy = outputParams.zeroPoint();
        int low = relu ? zy : outputParams.qmin();
        int[] out = new int[batch * nOut];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < nOut; c++) {
                int acc = bias[c] - zx * columnSums[c];
                for (int k = 0; k < nIn; k++) {
                    acc += inputCodes[n * nIn + k] * weights[k * nOut + c];
                }
                long y = zy + multipliers[c].apply(acc);
                out[n * nOut + c] = (int) Math.max(low, Math.min(outputParams.qmax(), y));
            }
        }
        return out;
    }

    /** Float in, float out: quantizes {@code x [batch, nIn]}, runs {@link #forwardCodes}, dequantizes. */
    public INDArray forward(INDArray x) {
        if (x.rank() != 2 || x.size(1) != nIn) {
            throw new IllegalArgumentException("input shape " + Arrays.toString(x.shape()) + ": need [batch, " + nIn
                    + "]");
        }
        int batch = (int) x.size(0);
        int[] codes = Quantizer.asymmetric(ACTIVATION_BITS).quantize(x, inputParams).codes();
        int[] y = forwardCodes(codes, batch);
        return new QuantizedTensor(y, new long[] {batch, nOut}, outputParams).dequantize();
    }

    /** The int8 weight codes and their per-output-channel parameters. */
    public QuantizedTensor weights() {
        return new QuantizedTensor(weights, new long[] {nIn, nOut}, weightParams);
    }

    /** The int32 bias codes (scale {@code s_w[c] * s_x}). */
    public int[] biasCodes() {
        return bias.clone();
    }

    /** The per-output-channel requantization multipliers {@code M[c] = s_w[c] s_x / s_y}. */
    public FixedPointMultiplier[] multipliers() {
        return multipliers.clone();
    }

    /** The input's quantization parameters. */
    public QuantParams inputParams() {
        return inputParams;
    }

    /** The output's quantization parameters. */
    public QuantParams outputParams() {
        return outputParams;
    }

    private static void check(INDArray w, INDArray b, QuantParams in, QuantParams out) {
        if (w == null || b == null || in == null || out == null) {
            throw new IllegalArgumentException("weights, bias and input/output parameters must not be null");
        }
        if (w.rank() != 2 || b.length() != w.size(1)) {
            throw new IllegalArgumentException("need W [nIn, nOut] and nOut bias values, got W "
                    + Arrays.toString(w.shape()) + " and " + b.length() + " bias values");
        }
        if (w.size(0) > MAX_INPUTS) {
            throw new IllegalArgumentException("nIn " + w.size(0) + " could overflow the int32 accumulator:"
                    + " allowed up to " + MAX_INPUTS);
        }
        for (QuantParams p : new QuantParams[] {in, out}) {
            if (p.scheme() != Scheme.ASYMMETRIC || p.bits() != ACTIVATION_BITS
                    || !(p.granularity() instanceof Granularity.PerTensor)) {
                throw new IllegalArgumentException("input and output need 8-bit asymmetric per-tensor parameters, got "
                        + p);
            }
        }
    }
}
