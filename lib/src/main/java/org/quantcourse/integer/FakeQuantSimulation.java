package org.quantcourse.integer;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The real-number simulation ("fake quantization") of exactly the same {@link QuantizedModel}: every code is
 * dequantized to a double ({@code x' = s_x (q - z_x)}, {@code w' = s_w[o] (q_w - z_w)},
 * {@code b' = s_w[o] s_x q_b}), each layer computes {@code y = b' + sum x' w'} (ReLU {@code max(0, y)}) in double,
 * and the result is quantized again, {@code q_y = clamp(round(y / s_y) + z_y)} with ties away from zero; average
 * pooling averages the real values. It differs from {@link IntegerEngine} only in how {@code acc · M} is rounded:
 * here {@code M = s_w s_x / s_y} is exact and rounded once; the engine uses the 31-bit {@code m0} and, with
 * {@link Requantization#GEMMLOWP}, rounds twice. Used in notebooks 09, 10.
 */
public final class FakeQuantSimulation extends QuantizedInference {
    private final List<UnaryOperator<int[]>> layers;

    private FakeQuantSimulation(QuantizedModel model, int threads) {
        super(model, threads);
        this.layers = model.layers().stream().map(FakeQuantSimulation::simulate).toList();
    }

    /** The simulation of {@code model}, on one thread. */
    public static FakeQuantSimulation of(QuantizedModel model) {
        return new FakeQuantSimulation(model, 1);
    }

    /** The same simulation splitting each batch over {@code threads} threads. */
    public FakeQuantSimulation threads(int threads) {
        return new FakeQuantSimulation(model(), threads);
    }

    @Override
    int[] runLayer(int layer, int[] imageCodes) {
        return layers.get(layer).apply(imageCodes);
    }

    private static UnaryOperator<int[]> simulate(QuantizedLayer layer) {
        if (layer instanceof QuantizedConv c) {
            RealGemm gemm = new RealGemm(c.weights(), c.bias(), c.input(), c.output(), c.relu());
            return in -> gemm.codes(Im2col.patches(c, in), c.outHeight() * c.outWidth());
        } else if (layer instanceof QuantizedDense d) {
            RealGemm gemm = new RealGemm(d.weights(), d.bias(), d.input(), d.output(), d.relu());
            return in -> gemm.codes(in, 1);
        } else if (layer instanceof QuantizedAvgPool p) {
            return in -> averagePool(p, in);
        } else if (layer instanceof QuantizedFlatten f) {
            return in -> LayerKernels.flatten(f, in);
        }
        throw new IllegalArgumentException("unknown layer " + layer);
    }

    /** The mean of the real values of each block, quantized with the same parameters. */
    private static int[] averagePool(QuantizedAvgPool p, int[] in) {
        ActivationQuant q = p.quant();
        int c = p.channels();
        int[] out = new int[p.outputLength()];
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int dy = 0; dy < p.window(); dy++) {
                        for (int dx = 0; dx < p.window(); dx++) {
                            int y = oy * p.window() + dy;
                            int x = ox * p.window() + dx;
                            sum += q.dequantize(in[(y * p.inWidth() + x) * c + ch]);
                        }
                    }
                    out[(oy * p.outWidth() + ox) * c + ch] = q.quantize(sum / (p.window() * p.window()));
                }
            }
        }
        return out;
    }

    /**
     * A dense product in double on dequantized codes, quantized at the end; each output sums {@code b'} and then the
     * products in order of k, with the weights stored transposed so that the loop over outputs is contiguous.
     */
    private static final class RealGemm {
        private final double[] weights; // [depth][outputs]
        private final double[] bias;
        private final double[] inputValue = new double[ActivationQuant.QMAX + 1];
        private final int outputs;
        private final int depth;
        private final ActivationQuant output;
        private final boolean relu;

        RealGemm(QuantizedWeights w, int[] biasCodes, ActivationQuant in, ActivationQuant out, boolean relu) {
            this.outputs = w.outputs();
            this.depth = w.depth();
            this.weights = new double[outputs * depth];
            this.bias = new double[outputs];
            float[] scales = w.scales();
            for (int o = 0; o < outputs; o++) {
                for (int k = 0; k < depth; k++) {
                    weights[k * outputs + o] = w.value(o, k);
                }
                bias[o] = (double) scales[o] * in.scale() * biasCodes[o];
            }
            for (int q = 0; q < inputValue.length; q++) {
                inputValue[q] = in.dequantize(q);
            }
            this.output = out;
            this.relu = relu;
        }

        int[] codes(int[] a, int rows) {
            int[] out = new int[rows * outputs];
            double[] y = new double[outputs];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias, 0, y, 0, outputs);
                for (int k = 0; k < depth; k++) {
                    double x = inputValue[a[r * depth + k]];
                    for (int o = 0; o < outputs; o++) {
                        y[o] += x * weights[k * outputs + o];
                    }
                }
                for (int o = 0; o < outputs; o++) {
                    out[r * outputs + o] = output.quantize(relu ? Math.max(0, y[o]) : y[o]);
                }
            }
            return out;
        }
    }
}
