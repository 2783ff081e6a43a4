package org.quantcourse.quant;

/** Range = smallest and largest value seen over all batches, per group. */
public final class MinMaxObserver extends RangeObserver {

    private MinMaxObserver(Quantizer quantizer) {
        super(quantizer, (running, batch, seen) -> Math.min(running, batch),
                (running, batch, seen) -> Math.max(running, batch));
    }

    /** A min-max observer for {@code quantizer}. */
    public static MinMaxObserver of(Quantizer quantizer) {
        return new MinMaxObserver(quantizer);
    }

    @Override
    float[][] batchRange(float[] data, GroupLayout layout) {
        return minMax(data, layout);
    }
}
