package org.quantcourse.calibration;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.quantcourse.quant.MinMaxObserver;
import org.quantcourse.quant.MovingAverageMinMaxObserver;
import org.quantcourse.quant.MseClippingObserver;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.PercentileObserver;
import org.quantcourse.quant.Quantizer;

/**
 * How a static activation range is estimated from calibration batches: a name (the {@code observer} column of
 * build/results/08_activation_quantization.csv) and the observer it makes for a quantizer. Used in notebook 08.
 *
 * @param name the name in result tables
 * @param observer makes a fresh observer for a quantizer
 */
public record CalibrationMethod(String name, Function<Quantizer, Observer> observer) {
    private static final long SAMPLE_SEED = 8;

    /** Checks the fields. */
    public CalibrationMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(observer, "observer");
    }

    /** The smallest and largest value seen. */
    public static CalibrationMethod minMax() {
        return new CalibrationMethod("min-max", MinMaxObserver::of);
    }

    /** The exponential moving average of each batch's min and max (constant 0.01, PyTorch's default). */
    public static CalibrationMethod movingAverageMinMax() {
        return new CalibrationMethod("moving-average min-max", MovingAverageMinMaxObserver::of);
    }

    /** The {@code (100-p)}-th and {@code p}-th percentiles, averaged over batches. */
    public static CalibrationMethod percentile(double p) {
        return new CalibrationMethod(String.format(Locale.ROOT, "percentile %s", p),
                q -> PercentileObserver.of(q, p));
    }

    /**
     * The clipped range with the smallest quantization MSE (100 candidates), averaged over batches; searched on a
     * seeded sample of {@value SampledObserver#DEFAULT_LIMIT} values per batch ({@link SampledObserver}).
     */
    public static CalibrationMethod mse() {
        return new CalibrationMethod("MSE",
                q -> SampledObserver.of(MseClippingObserver.of(q), SampledObserver.DEFAULT_LIMIT, SAMPLE_SEED));
    }

    /** The clipped range with the smallest quantization MSE, searched on every value (slow on conv sites). */
    public static CalibrationMethod mseOnEveryValue() {
        return new CalibrationMethod("MSE (every value)", MseClippingObserver::of);
    }

    /** TensorRT's entropy method: the threshold whose clipping loses least information (KL divergence). */
    public static CalibrationMethod entropy() {
        return new CalibrationMethod("entropy (KL)", EntropyObserver::of);
    }

    /** The five methods of notebook 08: min-max, moving average, percentile 99.99, MSE and entropy. */
    public static List<CalibrationMethod> all() {
        return List.of(minMax(), movingAverageMinMax(), percentile(99.99), mse(), entropy());
    }

    /** A fresh observer of this method for {@code quantizer}. */
    public Observer observerFor(Quantizer quantizer) {
        return observer.apply(quantizer);
    }
}
