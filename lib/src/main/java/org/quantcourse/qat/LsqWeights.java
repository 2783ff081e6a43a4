package org.quantcourse.qat;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Weights fake-quantized with a learned step per output channel (LSQ, see {@link Lsq}): symmetric signed codes
 * {@code [−2^(b−1), 2^(b−1)−1]}, steps started at {@code 2·mean|w|/√qmax} and trained by gradient descent on
 * {@code ∂L/∂s}; the weight gradient is cut where a weight is clipped. DL4J's weight hook has no parameters of its
 * own, so the steps live here, are saved in the network's JSON, and are updated by Adam on {@code log s} (always
 * positive, scale-free; learning rate {@link #stepRate()}) when {@link QatGradients} calls {@link #afterGradient}.
 * Used in notebook 11.
 */
public final class LsqWeights implements QatWeights {

    private static final long serialVersionUID = 1L;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    @JsonProperty
    private int bits;
    @JsonProperty
    private int channelAxis;
    @JsonProperty
    private double stepRate;
    @JsonProperty
    private float[] steps;
    private transient double[] firstMoment;
    private transient double[] secondMoment;
    private transient int updates;

    private LsqWeights() {
        // for DL4J's JSON
    }

    private LsqWeights(int bits, int channelAxis, double stepRate, float[] steps) {
        this.bits = bits;
        this.channelAxis = channelAxis;
        this.stepRate = stepRate;
        this.steps = steps;
    }

    /**
     * Learned steps for {@code weights} at {@code bits} (2..8), one per channel of {@code channelAxis} (-1: one
     * step), started at LSQ's {@code 2·mean|w|/√qmax}, trained with Adam at {@code stepRate} on {@code log s}.
     */
    public static LsqWeights initializedFrom(INDArray weights, int bits, int channelAxis, double stepRate) {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("LSQ weights need 2..8 bits, got " + bits);
        }
        if (!(stepRate >= 0) || Double.isInfinite(stepRate)) {
            throw new IllegalArgumentException("step learning rate must be ≥ 0 and finite, got " + stepRate);
        }
        float[] w = weights.dup('c').reshape(weights.length()).toFloatVector();
        ChannelIndex channels = ChannelIndex.of(weights.shape(), channelAxis);
        float[][] perChannel = split(w, channels);
        float[] steps = new float[channels.channels()];
        for (int c = 0; c < steps.length; c++) {
            steps[c] = Lsq.initialStep(perChannel[c], qmax(bits));
        }
        return new LsqWeights(bits, channelAxis, stepRate, steps);
    }

    /** The current steps, one per channel (a copy). */
    public float[] steps() {
        return steps.clone();
    }

    /** Adam's learning rate for {@code log s}. */
    public double stepRate() {
        return stepRate;
    }

    /** Smallest code {@code −2^(b−1)}. */
    public int qmin() {
        return -(1 << (bits - 1));
    }

    /** Largest code {@code 2^(b−1) − 1}. */
    public int qmax() {
        return qmax(bits);
    }

    @Override
    public INDArray project(INDArray weights) {
        float[] w = weights.dup('c').reshape(weights.length()).toFloatVector();
        ChannelIndex channels = channelsOf(weights);
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Lsq.fakeQuantize(w[i], steps[channels.of(i)], qmin(), qmax());
        }
        return Nd4j.create(out, weights.shape(), 'c').castTo(weights.dataType());
    }

    @Override
    public INDArray gradientMask(INDArray weights) {
        float[] w = weights.dup('c').reshape(weights.length()).toFloatVector();
        ChannelIndex channels = channelsOf(weights);
        float[] mask = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            float v = w[i] / steps[channels.of(i)];
            mask[i] = v >= qmin() && v <= qmax() ? 1f : 0f;
        }
        return Nd4j.create(mask, weights.shape(), 'c').castTo(weights.dataType());
    }

    /** {@code ∂L/∂s} per channel for the loss gradient {@code gradient = ∂L/∂ŵ}. */
    public double[] stepGradients(INDArray weights, INDArray gradient) {
        float[] w = weights.dup('c').reshape(weights.length()).toFloatVector();
        float[] g = gradient.dup('c').reshape(gradient.length()).toFloatVector();
        ChannelIndex channels = channelsOf(weights);
        double[] sums = new double[steps.length];
        for (int i = 0; i < w.length; i++) {
            int c = channels.of(i);
            sums[c] += (double) g[i] * Lsq.stepDerivative(w[i], steps[c], qmin(), qmax());
        }
        return sums;
    }

    /** Updates the steps by one Adam step on {@code log s}, then cuts the weight gradient where weights clip. */
    @Override
    public void afterGradient(INDArray weights, INDArray gradient) {
        double[] stepGradients = stepGradients(weights, gradient);
        gradient.muli(gradientMask(weights));
        if (stepRate > 0) {
            adamStep(stepGradients);
        }
    }

    private void adamStep(double[] stepGradients) {
        if (firstMoment == null) {
            firstMoment = new double[steps.length];
            secondMoment = new double[steps.length];
        }
        updates++;
        for (int c = 0; c < steps.length; c++) {
            double g = stepGradients[c] * steps[c];
            firstMoment[c] = BETA1 * firstMoment[c] + (1 - BETA1) * g;
            secondMoment[c] = BETA2 * secondMoment[c] + (1 - BETA2) * g * g;
            double m = firstMoment[c] / (1 - Math.pow(BETA1, updates));
            double v = secondMoment[c] / (1 - Math.pow(BETA2, updates));
            steps[c] = (float) (steps[c] * Math.exp(-stepRate * m / (Math.sqrt(v) + EPSILON)));
        }
    }

    @Override
    public String describe() {
        return bits + "-bit LSQ (learned step) " + (channelAxis >= 0 ? "per channel" : "per tensor");
    }

    @Override
    public LsqWeights clone() {
        return new LsqWeights(bits, channelAxis, stepRate, steps.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LsqWeights l && l.bits == bits && l.channelAxis == channelAxis
                && l.stepRate == stepRate && Arrays.equals(l.steps, steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bits, channelAxis, stepRate, Arrays.hashCode(steps));
    }

    @Override
    public String toString() {
        return "LsqWeights(" + describe() + ")";
    }

    private ChannelIndex channelsOf(INDArray weights) {
        ChannelIndex channels = ChannelIndex.of(weights.shape(), channelAxis);
        if (channels.channels() != steps.length) {
            throw new IllegalArgumentException("these LSQ weights have " + steps.length + " steps but the tensor of"
                    + " shape " + Arrays.toString(weights.shape()) + " has " + channels.channels() + " channels");
        }
        return channels;
    }

    private static int qmax(int bits) {
        return (1 << (bits - 1)) - 1;
    }

    private static float[][] split(float[] w, ChannelIndex channels) {
        int[] counts = new int[channels.channels()];
        for (int i = 0; i < w.length; i++) {
            counts[channels.of(i)]++;
        }
        float[][] out = new float[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = new float[counts[c]];
        }
        int[] next = new int[counts.length];
        for (int i = 0; i < w.length; i++) {
            int c = channels.of(i);
            out[c][next[c]++] = w[i];
        }
        return out;
    }
}
