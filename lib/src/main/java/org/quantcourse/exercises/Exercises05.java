package org.quantcourse.exercises;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.ModelComparison;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 05 (compress the CNN), computed with the library. */
public final class Exercises05 {

    private static final long BUDGET_BYTES = 100_000;

    private Exercises05() {
    }

    /** Exercise 5.1: bytes of fc1's weights as packed 4-bit codes. */
    public static CheckResult fc1PackedBytes(long answer) {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long expected = BitPacker.packedLength(net.getLayer(3).getParam("W").length(), 4);
        return CheckResult.number("Exercise 5.1", answer, expected, 0, "2304 × 100 codes of 4 bits, 8 bits per byte");
    }

    /**
     * Exercise 5.2: the largest bit width at which every weight of the network (biases and scales aside) still fits
     * in 100,000 packed bytes: the largest {@code b} with {@code ceil(n b / 8) <= 100,000}.
     */
    public static CheckResult bitsToFit100kB(int answer) {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long weights = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            weights += net.getLayer(i).getParam("W") == null ? 0 : net.getLayer(i).getParam("W").length();
        }
        return bitsToFit(weights, answer);
    }

    /** The check of 5.2 for {@code weights} weights: the answer must fit, and one more bit must not. */
    static CheckResult bitsToFit(long weights, int answer) {
        boolean fits = answer >= 1 && answer <= 16 && BitPacker.packedLength(weights, answer) <= BUDGET_BYTES;
        boolean widestThatFits = fits && (answer == 16 || BitPacker.packedLength(weights, answer + 1) > BUDGET_BYTES);
        if (widestThatFits) {
            return CheckResult.pass("Exercise 5.2", "correct: " + answer + " bits take "
                    + BitPacker.packedLength(weights, answer) + " bytes"
                    + (answer < 16 ? ", " + (answer + 1) + " bits would take " + BitPacker.packedLength(weights, answer + 1)
                            : ""));
        }
        return CheckResult.fail("Exercise 5.2", "your answer " + answer + (fits ? " fits, but a wider code fits too"
                : " does not fit") + ". Hint: count the weights of every layer (biases aside), then find the largest b"
                + " with ceil(count · b / 8) ≤ 100,000");
    }

    /** Exercise 5.3: KL(q || p) for p = (0.7, 0.2, 0.1), q = (0.5, 0.3, 0.2). */
    public static CheckResult reverseKl(double answer) {
        var p = Nd4j.createFromArray(new float[][] {{0.7f, 0.2f, 0.1f}});
        var q = Nd4j.createFromArray(new float[][] {{0.5f, 0.3f, 0.2f}});
        var label = Nd4j.createFromArray(new float[][] {{1f, 0f, 0f}});
        double expected = ModelComparison.fromPredictions(q, p, label).klDivergence();
        return CheckResult.number("Exercise 5.3", answer, expected, 1e-4,
                "KL(q‖p) = Σ q_c · ln(q_c / p_c): now q is the reference");
    }
}
