package org.quantcourse.quant;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The common part of the course's observers: checks each tensor, splits it into the quantizer's groups, lets the
 * subclass fold the batch into per-group ranges, and turns those into parameters with
 * {@link Quantizer#paramsFromRange(float[], float[])}.
 */
public abstract sealed class RangeObserver implements Observer
        permits MinMaxObserver, MovingAverageMinMaxObserver, PercentileObserver, MseClippingObserver {
    /** Running mean of the per-batch bounds: folds batch number {@code seen + 1} into the mean of {@code seen}. */
    static final BoundFold RUNNING_MEAN = (running, batch, seen) -> (float) ((running * (double) seen + batch) / (seen + 1));

    private final Quantizer quantizer;
    private final BoundFold lowerFold;
    private final BoundFold upperFold;
    private float[] mins;
    private float[] maxs;
    private int batches;

    /** How a batch's bound of one group joins the running bound, after {@code seen} batches were folded in. */
    @FunctionalInterface
    interface BoundFold {
        /** The new running bound. */
        float fold(float running, float batch, int seen);
    }

    /** An observer folding each batch's lower and upper bounds into the running range as the two folds say. */
    RangeObserver(Quantizer quantizer, BoundFold lowerFold, BoundFold upperFold) {
        if (quantizer == null) {
            throw new IllegalArgumentException("quantizer must not be null");
        }
        if (!quantizer.scheme().isUniform()) {
            throw new IllegalArgumentException("observers estimate ranges for symmetric and asymmetric quantizers; "
                    + quantizer.scheme() + " takes its scale from mean|x|");
        }
        this.quantizer = quantizer;
        this.lowerFold = lowerFold;
        this.upperFold = upperFold;
    }

    @Override
    public final Observer observe(INDArray x) {
        return observe(TensorData.of(x));
    }

    @Override
    public final Observer observe(float[] x) {
        return observe(TensorData.of(x));
    }

    @Override
    public final QuantParams params() {
        if (batches == 0) {
            throw new IllegalStateException("nothing observed yet: call observe(x) at least once before params()");
        }
        return quantizer.paramsFromRange(mins, maxs);
    }

    @Override
    public final Quantizer quantizer() {
        return quantizer;
    }

    @Override
    public final int batches() {
        return batches;
    }

    /** The current per-group lower ends of the range (a copy), or an empty array before the first batch. */
    public final float[] mins() {
        return mins == null ? new float[0] : mins.clone();
    }

    /** The current per-group upper ends of the range (a copy), or an empty array before the first batch. */
    public final float[] maxs() {
        return maxs == null ? new float[0] : maxs.clone();
    }

    final Observer observe(TensorData t) {
        GroupLayout layout = GroupLayout.of(quantizer.granularity(), t.shape());
        if (mins != null && layout.groups() != mins.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(t.shape()) + " has "
                    + layout.groups() + " groups under " + quantizer.granularity() + " but earlier tensors had "
                    + mins.length + ": observe tensors with the same channel count");
        }
        float[][] batch = batchRange(t.data(), layout);
        if (mins == null) {
            mins = batch[0];
            maxs = batch[1];
        } else {
            fold(mins, batch[0], lowerFold);
            fold(maxs, batch[1], upperFold);
        }
        batches++;
        return this;
    }

    /** Per-group {@code {mins, maxs}} of one batch. */
    abstract float[][] batchRange(float[] data, GroupLayout layout);

    private void fold(float[] running, float[] batch, BoundFold how) {
        for (int g = 0; g < running.length; g++) {
            running[g] = how.fold(running[g], batch[g], batches);
        }
    }

    /** Per-group minimum and maximum of {@code data}. */
    static float[][] minMax(float[] data, GroupLayout layout) {
        float[] lo = new float[layout.groups()];
        float[] hi = new float[layout.groups()];
        Arrays.fill(lo, Float.POSITIVE_INFINITY);
        Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < data.length; i++) {
            int g = layout.groupOf(i);
            lo[g] = Math.min(lo[g], data[i]);
            hi[g] = Math.max(hi[g], data[i]);
        }
        return new float[][] {lo, hi};
    }
}
