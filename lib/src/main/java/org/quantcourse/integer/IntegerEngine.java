package org.quantcourse.integer;

import java.util.List;

/**
 * Integer-only inference of a {@link QuantizedModel} (Jacob et al. 2018): uint8 × int8 products accumulated in
 * int32 (convolutions as im2col + integer GEMM, dense layers as GEMM), zero-point cross terms from row and column
 * sums, int32 bias, requantization by a fixed-point multiplier with a rounding shift ({@link Requantization}),
 * ReLU as the clamp at the output zero-point, average pooling as a rounded integer division. No float is touched
 * between the input codes and the logit codes. Used in notebooks 09, 10.
 */
public final class IntegerEngine extends QuantizedInference {
    private final Requantization rule;
    private final List<LayerKernels.Kernel> kernels;

    private IntegerEngine(QuantizedModel model, Requantization rule, int threads) {
        super(model, threads);
        this.rule = rule;
        this.kernels = model.layers().stream().map(l -> LayerKernels.of(l, rule)).toList();
    }

    /** The engine with gemmlowp's requantization (TFLite's default) on one thread. */
    public static IntegerEngine of(QuantizedModel model) {
        return new IntegerEngine(model, Requantization.GEMMLOWP, 1);
    }

    /** The same engine with another requantization rule. */
    public IntegerEngine requantization(Requantization rule) {
        return new IntegerEngine(model(), rule, threads());
    }

    /** The same engine splitting each batch over {@code threads} threads (images in parallel). */
    public IntegerEngine threads(int threads) {
        return new IntegerEngine(model(), rule, threads);
    }

    /** The requantization rule. */
    public Requantization requantization() {
        return rule;
    }

    /**
     * The int32 accumulators of convolution or dense layer {@code layer} before requantization,
     * {@code acc[n][r][o] = q_b[o] + sum_k (q_x[r][k] - z_x)(q_w[o][k] - z_w)} ({@code batch × rows × outputs}, rows
     * the output positions of a convolution, 1 for a dense layer), for that layer's input codes.
     */
    public int[] accumulators(int layer, int[] inputCodes, int batch) {
        LayerKernels.Kernel kernel = kernels.get(checkedLayer(layer));
        QuantizedLayer l = model().layers().get(layer);
        if (!(l instanceof QuantizedConv || l instanceof QuantizedDense)) {
            throw new IllegalArgumentException("layer " + layer + " (" + l.name() + ") has no int32 accumulators:"
                    + " pick a convolution or dense layer");
        }
        return run(inputCodes, batch, l.inputLength(), l.outputLength(), kernel::accumulators);
    }

    @Override
    int[] runLayer(int layer, int[] imageCodes) {
        return kernels.get(layer).run(imageCodes);
    }

    @Override
    public String toString() {
        return "IntegerEngine[" + rule + ", " + threads() + " thread(s), " + model().layers().size() + " layers]";
    }
}
