package org.quantcourse.calibration;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * The entropy (KL) observer: a {@value KlDivergence#BINS}-bin histogram of {@code |x|} over all batches, and the
 * clipping threshold {@code T} from {@link KlDivergence}. Data that never went below 0 (ReLU outputs) gets the
 * range {@code [0, T]} on {@code 2^b} levels (the unsigned grid); signed data gets {@code [-T, T]} on the
 * {@code 2^(b-1)} levels of one sign, as TensorRT's 128 for int8. Per-tensor only. When a batch exceeds the
 * histogram's range, the range grows to the new maximum and the old counts are moved to the bins their centres
 * fall in (an approximation that TensorRT avoids with a first pass for the maximum); see {@link #threshold()}
 * for the zero bin. Used in notebook 08.
 */
public final class EntropyObserver implements Observer {
    private final Quantizer quantizer;
    private final long[] histogram = new long[KlDivergence.BINS];
    private double top;
    private boolean negativeSeen;
    private int batches;

    private EntropyObserver(Quantizer quantizer) {
        if (quantizer == null || !quantizer.scheme().isUniform()
                || !(quantizer.granularity() instanceof Granularity.PerTensor)) {
            throw new IllegalArgumentException("the entropy observer needs a per-tensor symmetric or asymmetric"
                    + " quantizer, got " + quantizer);
        }
        this.quantizer = quantizer;
    }

    /** An entropy observer for {@code quantizer} (per-tensor). */
    public static EntropyObserver of(Quantizer quantizer) {
        return new EntropyObserver(quantizer);
    }

    @Override
    public Observer observe(INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException("tensor is null");
        }
        return observe(x.dup('c').reshape(x.length()).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatVector());
    }

    @Override
    public Observer observe(float[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("need at least one value to observe");
        }
        double max = 0;
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("value " + v + ": only finite values can be observed");
            }
            max = Math.max(max, Math.abs(v));
            negativeSeen |= v < 0;
        }
        if (max > top) {
            widen(max);
        }
        for (float v : x) {
            histogram[bin(Math.abs(v))]++;
        }
        batches++;
        return this;
    }

    @Override
    public QuantParams params() {
        if (batches == 0) {
            throw new IllegalStateException("nothing observed yet: call observe(x) at least once before params()");
        }
        float t = (float) threshold();
        return negativeSeen ? quantizer.paramsFromRange(new float[] {-t}, new float[] {t})
                : quantizer.paramsFromRange(new float[] {0}, new float[] {t});
    }

    /**
     * The clipping threshold {@code T}: the upper edge of the best bin count (0 when all values were 0). The first
     * bin's count is replaced by the second's before the search, as NVIDIA's pytorch-quantization does: after a
     * ReLU half the values are exact zeros, and that one huge bin (exact on any grid through 0) would otherwise
     * dominate the divergence and pull the threshold far too low with few levels.
     */
    public double threshold() {
        if (top == 0) {
            return 0;
        }
        long[] counts = histogram.clone();
        counts[0] = counts[1];
        return KlDivergence.bestBinCount(counts, levels()) * binWidth();
    }

    /** A copy of the histogram of {@code |x|} over {@code [0, max]}. */
    public long[] histogram() {
        return histogram.clone();
    }

    /** The largest {@code |x|} seen (the histogram's upper end). */
    public double max() {
        return top;
    }

    /** Levels of the grid the threshold is chosen for: {@code 2^b} for data without negatives, else {@code 2^(b-1)}. */
    public int levels() {
        int codes = quantizer.qmax() - quantizer.qmin() + 1;
        return negativeSeen ? codes / 2 : codes;
    }

    @Override
    public Quantizer quantizer() {
        return quantizer;
    }

    @Override
    public int batches() {
        return batches;
    }

    private double binWidth() {
        return top / KlDivergence.BINS;
    }

    private int bin(double magnitude) {
        return top == 0 ? 0 : (int) Math.min(KlDivergence.BINS - 1, Math.floor(magnitude / binWidth()));
    }

    private void widen(double newTop) {
        long[] old = histogram.clone();
        double oldWidth = binWidth();
        java.util.Arrays.fill(histogram, 0);
        top = newTop;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != 0) {
                histogram[bin((k + 0.5) * oldWidth)] += old[k];
            }
        }
    }
}
