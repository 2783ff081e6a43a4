package org.quantcourse.rounding;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;

/**
 * AdaRound (Nagel et al. 2020, "Up or Down? Adaptive Rounding for Post-Training Quantization"): each weight is
 * rounded down or up, as learned on calibration inputs, instead of to the nearest level. Used in notebook 14.
 *
 * <p>With {@code ⌊W/s⌋} fixed, a continuous variable {@code V} per weight gives the rectified sigmoid
 * {@code h(V) = clip(σ(V)(ζ − γ) + γ, 0, 1)} with {@code ζ = 1.1, γ = −0.1}, and the soft weight
 * {@code W̃ = s (clamp(⌊W/s⌋ + z + h(V), qmin, qmax) − z)}. Adam minimises, over mini-batches {@code X_B},
 * <pre>  L(V) = (1/|B|) ‖X_B W̃ − X_B W‖²_F + λ Σ (1 − |2h(V) − 1|^β)</pre>
 * the layer's output error plus a regulariser that pushes every {@code h} to 0 or 1; the regulariser is off for the
 * first {@code warmup} fraction of the iterations, then {@code β} is annealed from {@code betaStart} (only
 * {@code h} near ½ feel it) down to {@code betaEnd} (every {@code h} does). The stored codes round up where
 * {@code h(V) ≥ ½}. {@code V} starts where {@code h(V)} is the fractional part of {@code W/s}, i.e. at nearest.
 * The output error is taken before the activation (the paper's "asymmetric" variant, after it, is not used here).
 */
public final class AdaRound implements WeightRounding {
    /** Stretch of the rectified sigmoid above 1. */
    public static final double ZETA = 1.1;
    /** Stretch of the rectified sigmoid below 0. */
    public static final double GAMMA = -0.1;
    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final int iterations;
    private final int batchSize;
    private final double learningRate;
    private final double regularization;
    private final double warmup;
    private final double betaStart;
    private final double betaEnd;
    private final long seed;

    private AdaRound(int iterations, int batchSize, double learningRate, double regularization, double warmup,
            double betaStart, double betaEnd, long seed) {
        this.iterations = iterations;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.regularization = regularization;
        this.warmup = warmup;
        this.betaStart = betaStart;
        this.betaEnd = betaEnd;
        this.seed = seed;
    }

    /** The paper's λ = 0.01, warm-up 20 %, β from 20 to 2; 500 Adam steps of 128 rows at rate 0.01, seed 0. */
    public static AdaRound defaults() {
        return new AdaRound(500, 128, 0.01, 0.01, 0.2, 20, 2, 0);
    }

    /** This with {@code n} Adam iterations (the paper uses 10,000 at rate 0.001; fewer need a larger rate). */
    public AdaRound iterations(int n) {
        require(n >= 1, "iterations must be >= 1, got " + n);
        return new AdaRound(n, batchSize, learningRate, regularization, warmup, betaStart, betaEnd, seed);
    }

    /** This with mini-batches of {@code rows} calibration rows (all rows when there are fewer). */
    public AdaRound batchSize(int rows) {
        require(rows >= 1, "batch size must be >= 1, got " + rows);
        return new AdaRound(iterations, rows, learningRate, regularization, warmup, betaStart, betaEnd, seed);
    }

    /** This with Adam's learning rate on {@code V}. */
    public AdaRound learningRate(double rate) {
        require(rate > 0 && Double.isFinite(rate), "learning rate must be > 0, got " + rate);
        return new AdaRound(iterations, batchSize, rate, regularization, warmup, betaStart, betaEnd, seed);
    }

    /** This with regulariser weight {@code lambda} (0 turns the push to 0/1 off). */
    public AdaRound regularization(double lambda) {
        require(lambda >= 0 && Double.isFinite(lambda), "lambda must be >= 0, got " + lambda);
        return new AdaRound(iterations, batchSize, learningRate, lambda, warmup, betaStart, betaEnd, seed);
    }

    /** This with the regulariser off for the first {@code fraction} of iterations and β annealed from start to end. */
    public AdaRound annealing(double fraction, double start, double end) {
        require(fraction >= 0 && fraction < 1, "warm-up fraction must be in [0, 1), got " + fraction);
        require(start >= end && end >= 1, "need betaStart >= betaEnd >= 1, got " + start + " and " + end);
        return new AdaRound(iterations, batchSize, learningRate, regularization, fraction, start, end, seed);
    }

    /** This with another seed for the mini-batch order. */
    public AdaRound seed(long newSeed) {
        return new AdaRound(iterations, batchSize, learningRate, regularization, warmup, betaStart, betaEnd, newSeed);
    }

    /** β at iteration {@code t}: undefined (NaN) in the warm-up, then linear from betaStart to betaEnd. */
    public double beta(int t) {
        int start = (int) (warmup * iterations);
        if (t < start) {
            return Double.NaN;
        }
        double progress = (t - start) / (double) Math.max(1, iterations - 1 - start);
        return betaStart + (betaEnd - betaStart) * progress;
    }

    @Override
    public QuantizedTensor round(INDArray weights, QuantParams params, INDArray inputs) {
        DenseInputs.check(weights, inputs);
        DenseGrid grid = DenseGrid.of(params, weights);
        INDArray w = weights.castTo(DataType.FLOAT);
        INDArray x = inputs.castTo(DataType.FLOAT);
        INDArray down = grid.floorOf(w);
        INDArray v = initialV(w.div(grid.scales()).subi(down));
        Problem problem = new Problem(w, grid, down);
        float[] values = v.dup('c').reshape(v.length()).toFloatVector();
        Adam adam = new Adam(values.length);
        SplittableRandom random = new SplittableRandom(seed);
        for (int t = 0; t < iterations; t++) {
            INDArray rows = DenseInputs.batch(x, batchSize, random);
            adam.step(values, problem.gradient(values, rows, beta(t)), learningRate);
        }
        INDArray learned = Nd4j.create(values, w.shape(), 'c');
        return grid.tensor(down, softRounding(learned).gte(0.5).castTo(DataType.FLOAT));
    }

    /** The soft rounding {@code h(V) = clip(σ(V)(ζ − γ) + γ, 0, 1)}. */
    public static INDArray softRounding(INDArray v) {
        INDArray stretched = Transforms.sigmoid(v, true).muli(ZETA - GAMMA).addi(GAMMA);
        return Transforms.min(Transforms.max(stretched, 0.0, false), 1.0, false);
    }

    /** The regulariser {@code Σ (1 − |2h − 1|^β)}: 0 when every {@code h} is 0 or 1. */
    public static double regularizer(INDArray h, double beta) {
        INDArray pushed = Transforms.pow(Transforms.abs(h.mul(2).subi(1), false), beta, false);
        return h.length() - pushed.sumNumber().doubleValue();
    }

    /** The loss {@code (1/n)‖X W̃ − X W‖² + λ reg(h, β)} at rounding variables {@code v} (β NaN: no regulariser). */
    public double loss(INDArray v, INDArray weights, QuantParams params, INDArray inputs, double beta) {
        DenseGrid grid = DenseGrid.of(params, weights);
        INDArray w = weights.castTo(DataType.FLOAT);
        INDArray h = softRounding(v);
        INDArray error = inputs.castTo(DataType.FLOAT).mmul(grid.value(grid.floorOf(w), h).subi(w));
        double reconstruction = error.mul(error).sumNumber().doubleValue() / inputs.size(0);
        return reconstruction + (Double.isNaN(beta) ? 0 : regularization * regularizer(h, beta));
    }

    /** ∂L/∂V at iteration {@code t}, by the chain rule through W̃, the clamp and the rectified sigmoid. */
    INDArray gradient(INDArray v, INDArray w, INDArray rows, DenseGrid grid, INDArray down, int t) {
        float[] values = v.dup('c').reshape(v.length()).toFloatVector();
        return Nd4j.create(new Problem(w, grid, down).gradient(values, rows, beta(t)), v.shape(), 'c');
    }

    /** {@code V} with {@code h(V) = rest}: {@code σ(V) = (rest − γ)/(ζ − γ)}. */
    static INDArray initialV(INDArray rest) {
        INDArray p = rest.sub(GAMMA).divi(ZETA - GAMMA);
        return Transforms.log(p.div(p.rsub(1.0)), false);
    }

    @Override
    public String toString() {
        return "AdaRound[" + iterations + " iterations, batch " + batchSize + ", rate " + learningRate + ", lambda "
                + regularization + ", warm-up " + warmup + ", beta " + betaStart + "->" + betaEnd + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * One layer's problem as flat float arrays (C order), so that the element-wise chain rule is one loop; the two
     * matrix products go to ND4J.
     */
    private final class Problem {
        private final long[] shape;
        private final float[] w;
        private final float[] scale;
        private final float[] low;
        private final float[] movable;
        private final float[] zero;
        private final int qmin;
        private final int qmax;

        Problem(INDArray weights, DenseGrid grid, INDArray down) {
            shape = weights.shape();
            w = flat(weights);
            scale = flat(grid.scales());
            low = flat(down);
            zero = flat(grid.zeroPoints());
            movable = flat(grid.movable(down));
            qmin = grid.qmin();
            qmax = grid.qmax();
        }

        /** ∂L/∂V for the rows of this mini-batch; {@code beta} NaN: no regulariser. */
        float[] gradient(float[] v, INDArray rows, double beta) {
            float[] h = new float[v.length];
            float[] soft = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                double sigma = 1 / (1 + Math.exp(-v[i]));
                h[i] = (float) Math.min(1, Math.max(0, sigma * (ZETA - GAMMA) + GAMMA));
                double q = Math.min(qmax, Math.max(qmin, low[i] + zero[i] + h[i]));
                soft[i] = (float) ((q - zero[i]) * scale[i] - w[i]);
            }
            INDArray error = rows.mmul(Nd4j.create(soft, shape, 'c'));
            float[] dw = flat(rows.transpose().mmul(error));
            double reconstruction = 2.0 / rows.size(0);
            boolean regularize = !Double.isNaN(beta) && regularization > 0;
            float[] g = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                double sigma = 1 / (1 + Math.exp(-v[i]));
                double stretched = sigma * (ZETA - GAMMA) + GAMMA;
                if (stretched <= 0 || stretched >= 1) {
                    continue;
                }
                double dh = reconstruction * dw[i] * scale[i] * movable[i];
                if (regularize) {
                    double centred = 2 * h[i] - 1;
                    dh -= 2 * regularization * beta * Math.pow(Math.abs(centred), beta - 1) * Math.signum(centred);
                }
                g[i] = (float) (dh * sigma * (1 - sigma) * (ZETA - GAMMA));
            }
            return g;
        }

        private static float[] flat(INDArray a) {
            return a.castTo(DataType.FLOAT).dup('c').reshape(a.length()).toFloatVector();
        }
    }

    /** Adam on a flat parameter vector, with bias correction. */
    private static final class Adam {
        private final float[] m;
        private final float[] s;
        private int t;

        Adam(int length) {
            m = new float[length];
            s = new float[length];
        }

        void step(float[] param, float[] gradient, double rate) {
            t++;
            double mScale = rate / (1 - Math.pow(ADAM_BETA1, t));
            double sScale = 1 / (1 - Math.pow(ADAM_BETA2, t));
            for (int i = 0; i < param.length; i++) {
                m[i] = (float) (ADAM_BETA1 * m[i] + (1 - ADAM_BETA1) * gradient[i]);
                s[i] = (float) (ADAM_BETA2 * s[i] + (1 - ADAM_BETA2) * gradient[i] * gradient[i]);
                param[i] -= (float) (mScale * m[i] / (Math.sqrt(s[i] * sScale) + ADAM_EPSILON));
            }
        }
    }
}
