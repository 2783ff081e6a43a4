package org.quantcourse.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.ModelComparison;
import org.quantcourse.gd.Momentum;
import org.quantcourse.gd.UpdateRule;

/** Checks for the exercises of notebook 03 (loss and gradient descent), computed with the library. */
public final class Exercises03 {

    private static final double TOLERANCE = 1e-4;

    private Exercises03() {
    }

    /** Exercise 3.1: the binary cross-entropy of a prediction p = 0.8 for an image whose label is 1. */
    public static CheckResult binaryCrossEntropy(double answer) {
        return CheckResult.number("Exercise 3.1", answer, -Math.log(0.8), TOLERANCE,
                "BCE = −[y·ln p + (1 − y)·ln(1 − p)]; with y = 1 only the first term is left (natural log)");
    }

    /** Exercise 3.2: the article's loss for one sample, original p = (0.7, 0.2, 0.1), compressed q = (0.5, 0.3, 0.2). */
    public static CheckResult articleLoss(double answer) {
        INDArray p = Nd4j.createFromArray(new float[][] {{0.7f, 0.2f, 0.1f}});
        INDArray q = Nd4j.createFromArray(new float[][] {{0.5f, 0.3f, 0.2f}});
        INDArray label = Nd4j.createFromArray(new float[][] {{1f, 0f, 0f}});
        double expected = ModelComparison.fromPredictions(p, q, label).articleLoss();
        return CheckResult.number("Exercise 3.2", answer, expected, TOLERANCE,
                "the original's probabilities are the targets: −Σ_c p_c·ln q_c (not KL, which subtracts the entropy of p)");
    }

    /** Exercise 3.3: how far classical momentum (μ = 0.9, η = 0.1) moves a parameter in 3 steps of constant gradient 1. */
    public static CheckResult momentumDistance(double answer) {
        UpdateRule rule = Momentum.of(1, 0.1, 0.9, 0).newUpdateRule();
        double moved = 0;
        for (int step = 0; step < 3; step++) {
            moved += rule.update(Nd4j.createFromArray(new float[][] {{1f}}), step, 0).getDouble(0);
        }
        return CheckResult.number("Exercise 3.3", answer, Math.abs(moved), TOLERANCE,
                "v ← μ·v − η·g, then θ ← θ + v; add up |v| over the three steps (the steps grow: 0.1, then more)");
    }
}
