package org.quantcourse.integer;

import java.util.function.UnaryOperator;
import org.quantcourse.quant.integer.FixedPointMultiplier;

/** The integer kernels of each layer type, prepared once (widened weights, column sums), run per image. */
final class LayerKernels {

    /** One layer's integer computation on one image's codes. */
    interface Kernel {
        int[] run(int[] in);

        /** The int32 accumulators before requantization; only convolutions and dense layers have them. */
        default int[] accumulators(int[] in) {
            throw new IllegalArgumentException("only convolution and dense layers accumulate in int32");
        }
    }

    private LayerKernels() {
    }

    /** The kernel of {@code layer} with requantization {@code rule}. */
    static Kernel of(QuantizedLayer layer, Requantization rule) {
        if (layer instanceof QuantizedConv c) {
            return conv(c, rule);
        } else if (layer instanceof QuantizedDense d) {
            Gemm gemm = new Gemm(d.weights(), d.bias(), d.input(), d.output(), d.relu(), d.multipliers(), rule);
            return gemmKernel(gemm, in -> in, 1);
        } else if (layer instanceof QuantizedAvgPool p) {
            return in -> pool(p, in);
        } else if (layer instanceof QuantizedFlatten f) {
            return in -> flatten(f, in);
        }
        throw new IllegalArgumentException("unknown layer " + layer);
    }

    private static Kernel conv(QuantizedConv c, Requantization rule) {
        Gemm gemm = new Gemm(c.weights(), c.bias(), c.input(), c.output(), c.relu(), c.multipliers(), rule);
        return gemmKernel(gemm, in -> Im2col.patches(c, in), c.outHeight() * c.outWidth());
    }

    /** A kernel that turns an image's codes into {@code rows} GEMM rows and multiplies them. */
    private static Kernel gemmKernel(Gemm gemm, UnaryOperator<int[]> toRows, int rows) {
        return new Kernel() {
            @Override
            public int[] run(int[] in) {
                return gemm.codes(toRows.apply(in), rows);
            }

            @Override
            public int[] accumulators(int[] in) {
                return gemm.accumulators(toRows.apply(in), rows);
            }
        };
    }

    /** {@code z + roundDiv(sum (q - z), window²)} per block and channel, ties away from zero. */
    static int[] pool(QuantizedAvgPool p, int[] in) {
        int c = p.channels();
        int area = p.window() * p.window();
        int z = p.quant().zeroPoint();
        int[] out = new int[p.outputLength()];
        for (int oy = 0; oy < p.outHeight(); oy++) {
            for (int ox = 0; ox < p.outWidth(); ox++) {
                for (int ch = 0; ch < c; ch++) {
                    int sum = 0;
                    for (int dy = 0; dy < p.window(); dy++) {
                        for (int dx = 0; dx < p.window(); dx++) {
                            int y = oy * p.window() + dy;
                            int x = ox * p.window() + dx;
                            sum += in[(y * p.inWidth() + x) * c + ch] - z;
                        }
                    }
                    out[(oy * p.outWidth() + ox) * c + ch] = z + roundingDivide(sum, area);
                }
            }
        }
        return out;
    }

    /** {@code n / d} rounded to nearest, ties away from zero, for {@code d > 0}. */
    static int roundingDivide(int n, int d) {
        return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
    }

    static int[] flatten(QuantizedFlatten f, int[] in) {
        int[] out = new int[in.length];
        for (int h = 0; h < f.height(); h++) {
            for (int w = 0; w < f.width(); w++) {
                for (int c = 0; c < f.channels(); c++) {
                    out[f.flatIndex(h, w, c)] = in[(h * f.width() + w) * f.channels() + c];
                }
            }
        }
        return out;
    }

    /** A prepared integer GEMM + requantization: widened weights, column sums, multipliers. */
    static final class Gemm {
        private final int[] weights; // transposed: [depth][outputs]
        private final int outputs;
        private final int depth;
        private final int zx;
        private final int zw;
        private final int zy;
        private final int low;
        private final int[] colSums;
        private final int[] bias;
        private final FixedPointMultiplier[] multipliers;
        private final Requantization rule;

        Gemm(QuantizedWeights w, int[] bias, ActivationQuant in, ActivationQuant out, boolean relu,
                FixedPointMultiplier[] multipliers, Requantization rule) {
            if (w.depth() > IntegerGemm.MAX_DEPTH) {
                throw new IllegalArgumentException("reduction length " + w.depth() + " could overflow int32: at most "
                        + IntegerGemm.MAX_DEPTH);
            }
            this.weights = IntegerGemm.transpose(w.codesAsInts(), w.outputs(), w.depth());
            this.outputs = w.outputs();
            this.depth = w.depth();
            this.zx = in.zeroPoint();
            this.zw = w.zeroPoint();
            this.zy = out.zeroPoint();
            this.low = relu ? zy : ActivationQuant.QMIN;
            this.colSums = IntegerGemm.rowSums(w.codesAsInts(), outputs, depth);
            this.bias = bias;
            this.multipliers = multipliers;
            this.rule = rule;
        }

        /** The int32 accumulators {@code acc[r][o]} for {@code rows} rows of input codes. */
        int[] accumulators(int[] a, int rows) {
            return IntegerGemm.accumulate(a, rows, weights, outputs, depth, zx, zw, colSums, bias);
        }

        /** Output codes {@code clamp(z_y + M[o] acc[r][o], low, 255)} for {@code rows} rows of input codes. */
        int[] codes(int[] a, int rows) {
            int[] acc = accumulators(a, rows);
            for (int i = 0; i < acc.length; i++) {
                acc[i] = ActivationQuant.clamp((long) zy + rule.apply(acc[i], multipliers[i % outputs]), low);
            }
            return acc;
        }
    }
}
