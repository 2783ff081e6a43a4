package org.quantcourse.quant;

/** Range = smallest and largest value seen over all batches, per group. */
public final class MinMaxObserver extends RangeObserver {

    private MinMaxObserver(Quantizer quantizer) {
        super(quantizer);
    }

    /** A min-max observer for {@code quantizer}. */
    public static MinMaxObserver of(Quantizer quantizer) {
        return new MinMaxObserver(quantizer);
    }

    @Override
    float[][] batchRange(float[] data, GroupLayout layout) {
        return minMax(data, layout);
    }

    @Override
    void combine(float[] mins, float[] maxs, float[] batchMins, float[] batchMaxs, int seen) {
        for (int g = 0; g < mins.length; g++) {
            mins[g] = Math.min(mins[g], batchMins[g]);
            maxs[g] = Math.max(maxs[g], batchMaxs[g]);
        }
    }
}
