package org.quantcourse.quant;

/**
 * Range = exponential moving average of each batch's min and max: {@code r <- r + c * (batch - r)}, starting from
 * the first batch; {@code c = 0.01} by default, as in PyTorch.
 */
public final class MovingAverageMinMaxObserver extends RangeObserver {
    /** PyTorch's default averaging constant. */
    public static final double DEFAULT_AVERAGING_CONSTANT = 0.01;

    private final double averagingConstant;

    private MovingAverageMinMaxObserver(Quantizer quantizer, double averagingConstant) {
        super(quantizer, movingAverage(averagingConstant), movingAverage(averagingConstant));
        this.averagingConstant = averagingConstant;
    }

    /** A moving-average observer with averaging constant 0.01. */
    public static MovingAverageMinMaxObserver of(Quantizer quantizer) {
        return of(quantizer, DEFAULT_AVERAGING_CONSTANT);
    }

    /** A moving-average observer with averaging constant {@code c} in (0, 1]. */
    public static MovingAverageMinMaxObserver of(Quantizer quantizer, double c) {
        return new MovingAverageMinMaxObserver(quantizer, c);
    }

    /** The averaging constant. */
    public double averagingConstant() {
        return averagingConstant;
    }

    @Override
    float[][] batchRange(float[] data, GroupLayout layout) {
        return minMax(data, layout);
    }

    private static RangeObserver.BoundFold movingAverage(double c) {
        if (!(c > 0 && c <= 1)) {
            throw new IllegalArgumentException("averaging constant " + c + " is out of range:"
                    + " allowed (0, 1] (1 keeps only the latest batch)");
        }
        return (running, batch, seen) -> (float) (running + c * ((double) batch - running));
    }
}
