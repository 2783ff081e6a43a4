package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.quantcourse.quant.PercentileObserver;
import org.quantcourse.quant.Quantizer;

/** Checks for the exercises of notebook 08 (activations and calibration), judged under {@link Attempts}. */
public final class Exercises08 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    /** How far a percentile may be from NumPy's, relative to the data's spread (float rounding). */
    private static final double PERCENTILE_TOLERANCE = 1e-5;

    private Exercises08() {
    }

    /** One case of Exercise 8.2: values and a percentile p in 50..100. */
    public record PercentileCase(float[] values, double p) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "values = %s, p = %s", Arrays.toString(values), p);
        }
    }

    /** Exercise 8.1: the scale of the unsigned 4-bit grid for a ReLU activation with range [0, 6]. */
    public static CheckResult unsignedScale(double answer) {
        double expected = Quantizer.asymmetric(4).paramsFromRange(new float[] {0}, new float[] {6}).scale();
        return attempts.number("Exercise 8.1", answer, expected, 1e-6, Hints.of(
                "after a ReLU nothing is negative: where does the zero-point go, and how many codes are left for"
                        + " [0, 6]?",
                "z = 0 and all 2^4 codes 0..15 cover [0, 6]: 16 levels, 15 steps, s = (max − min) / (2^b − 1)"));
    }

    /** Exercise 8.2: the student writes {@code percentile(values, p)} as NumPy computes it, run on fresh random cases. */
    public static CodingExercise<PercentileCase, Double> percentile() {
        return percentile(System.nanoTime());
    }

    static CodingExercise<PercentileCase, Double> percentile(long seed) {
        return CodingExercise.<PercentileCase, Double>named("Exercise 8.2")
            .input(Exercises08::percentileCase, PercentileCase::toString)
            .reference(c -> PercentileObserver.percentile(c.values(), c.p()))
            .same((yours, expected) -> Math.abs(yours - expected) <= PERCENTILE_TOLERANCE * (1 + Math.abs(expected)))
            .hints("sort a copy, then the p-th percentile sits at position pos = p / 100 · (n − 1) of the sorted values",
                    "pos is rarely an integer: interpolate linearly, sorted[i] + (pos − i)·(sorted[i+1] − sorted[i])"
                            + " with i = floor(pos) (and i + 1 capped at n − 1); do not modify the caller's array")
            .judgedBy(attempts, seed)
            .build();
    }

    /**
     * Exercise 8.3: why dynamic quantization costs time at inference. (A) integer arithmetic is slower than float;
     * (B) every activation's range must be measured at run time before it can be quantized; (C) the weights are
     * quantized again for every input; (D) the calibration set is run through the network again.
     */
    public static ChoiceQuestion dynamicCost() {
        return ChoiceQuestion.of("Exercise 8.3", 'B',
            "dynamic quantization measures each activation's range while the network runs: one extra pass over every"
                    + " activation tensor for its min and max, a new scale and zero-point, and only then the"
                    + " quantization, at every inference and every layer. Static ranges are constants, so an integer"
                    + " engine can even fold them into the requantization multiplier (notebook 09).",
            Hints.of("what does a dynamic range need to know that a static one already knows before inference?",
                    "count the passes over the activation tensor before its codes exist: static 1, dynamic ..."))
            .judgedBy(attempts);
    }

    private static PercentileCase percentileCase(Random random) {
        float[] v = new float[2 + random.nextInt(9)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(random.nextGaussian() * 40) / 10f;
        }
        double[] ps = {50, 75, 90, 99, 99.9, 100, 50 + random.nextInt(50)};
        return new PercentileCase(v, ps[random.nextInt(ps.length)]);
    }
}
