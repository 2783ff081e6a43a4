package org.quantcourse.mixed;

import java.util.Collection;

/**
 * One compressed model on the size-accuracy plane. Used in notebook 14.
 *
 * @param config what it is, e.g. "uniform 3-bit" or "mixed, budget 60000 B"
 * @param bitsPerLayer the bits of each quantized layer in order, e.g. "8/4/2/8"
 * @param storedBytes the model's stored bytes
 * @param accuracy its accuracy on the evaluation subset
 */
public record SizeAccuracyPoint(String config, String bitsPerLayer, long storedBytes, double accuracy) {

    /** True when this point is no larger and no less accurate than {@code other}, and strictly better in one. */
    public boolean dominates(SizeAccuracyPoint other) {
        boolean noWorse = storedBytes <= other.storedBytes && accuracy >= other.accuracy;
        return noWorse && (storedBytes < other.storedBytes || accuracy > other.accuracy);
    }

    /**
     * This accuracy minus the best accuracy of the {@code others} that are at least as large; positive when this
     * point beats every one of them. {@code +Infinity} when none is that large.
     */
    public double marginOverLarger(Collection<SizeAccuracyPoint> others) {
        return accuracy - others.stream().filter(o -> o.storedBytes >= storedBytes)
                .mapToDouble(SizeAccuracyPoint::accuracy).max().orElse(Double.NEGATIVE_INFINITY);
    }
}
