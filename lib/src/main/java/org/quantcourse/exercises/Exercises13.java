package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.DistillationLoss;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 13 (distillation and quantization), judged under {@link Attempts}. */
public final class Exercises13 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final double CLOSE = 1e-6;
    /** The library computes soft targets in FLOAT: logits of a few thousand keep about 4 significant digits. */
    private static final double RELATIVE = 1e-3;

    private Exercises13() {
    }

    /** One case of Exercise 13.4: logits and a temperature. */
    public record Logits(double[] z, double temperature) {
        @Override
        public String toString() {
            return "z = " + Arrays.toString(z) + ", T = " + temperature;
        }
    }

    /** Exercise 13.1: the largest soft target {@code softmax(z/T)} for z = (4, 1, 0) at T = 2. */
    public static CheckResult largestSoftTarget(double answer) {
        double expected = DistillationLoss.of(2, 0.5).softTargets(Nd4j.createFromArray(new double[][] {{4, 1, 0}}))
                .maxNumber().doubleValue();
        return attempts.number("Exercise 13.1", answer, expected, 1e-4, Hints.of(
                "divide the logits by T first, then take the softmax: e^(z_k/T) / Σ_j e^(z_j/T)",
                "z/T = (2, 0.5, 0): the largest is e² / (e² + e^0.5 + 1)"));
    }

    /** Exercise 13.2: by what factor the soft term's gradient shrinks at T = 4 without the T² (large-T approximation). */
    public static CheckResult shrinkWithoutTSquared(double answer) {
        return attempts.number("Exercise 13.2", answer, 16, 0, Hints.of(
                "for large T, softmax(z/T) ≈ (1 + z/T − mean)/K: the difference of two soft targets is O(1/T)",
                "∂KL/∂s = (p_s − p_t)/T ≈ (s − t)/(K·T²): the factor is T², here 4²"));
    }

    /** Exercise 13.3: the FP32 bytes of the small student {@code widths(8, 16, 25)}, biases included. */
    public static CheckResult smallStudentBytes(long answer) {
        long expected = 4 * ArticleCnn.builder().widths(8, 16, 25).build().numParams();
        return attempts.number("Exercise 13.3", answer, expected, 0, Hints.of(
                "count weights and biases of conv1 (1→8, 3×3), conv2 (8→16, 3×3), fc1 (16·6·6 → 25), fc2 (25 → 10)",
                "80 + 1,168 + 14,425 + 260 parameters, 4 bytes each"));
    }

    /** Exercise 13.4: the student writes the softened softmax; checked on fresh random logits and temperatures. */
    public static CodingExercise<Logits, double[]> softenedSoftmax() {
        return softenedSoftmax(System.nanoTime());
    }

    static CodingExercise<Logits, double[]> softenedSoftmax(long seed) {
        return CodingExercise.<Logits, double[]>named("Exercise 13.4")
                .input(Exercises13::randomLogits, Logits::toString)
                .reference(c -> DistillationLoss.of(c.temperature(), 0.5)
                        .softTargets(Nd4j.createFromArray(new double[][] {c.z()})).toDoubleVector())
                .same(Exercises13::close)
                .hints("p_k = e^(z_k/T) / Σ_j e^(z_j/T); large logits overflow e^x: subtract the largest z first",
                        "m = max z; e_k = Math.exp((z_k − m) / T); divide every e_k by their sum")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 13.5: what the soft targets and their gradient become as T → ∞. */
    public static ChoiceQuestion hotTemperature() {
        return ChoiceQuestion.of("Exercise 13.5", 'B',
                "softmax(z/T) → 1/K for every class, so the soft targets carry less and less information by themselves,"
                        + " but T²·KL's gradient tends to (s − t − mean)/K: at very high T distillation is matching the"
                        + " centred logits (Hinton et al.'s limit), with the T² keeping that gradient of order one.",
                Hints.of("what is e^(z_k/T) when z_k/T is nearly 0 for every k?",
                        "expand softmax(z/T) ≈ (1 + z/T − mean)/K and take the gradient (p_s − p_t)·T of the T²·KL term"))
                .judgedBy(attempts);
    }

    private static Logits randomLogits(Random random) {
        double[] z = new double[2 + random.nextInt(9)];
        for (int k = 0; k < z.length; k++) {
            z[k] = random.nextGaussian() * (random.nextBoolean() ? 3 : 3000);
        }
        return new Logits(z, 0.5 + random.nextDouble() * 3.5);
    }

    private static boolean close(double[] yours, double[] expected) {
        if (yours == null || yours.length != expected.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(yours[k] - expected[k]) <= CLOSE + RELATIVE * expected[k])) {
                return false;
            }
        }
        return true;
    }
}
