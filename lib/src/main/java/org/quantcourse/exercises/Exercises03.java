package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.ModelComparison;
import org.quantcourse.gd.Momentum;
import org.quantcourse.gd.UpdateRule;

/** Checks for the exercises of notebook 03 (loss and gradient descent), judged under {@link Attempts}. */
public final class Exercises03 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final double TOLERANCE = 1e-4;
    private static final double STEP_TOLERANCE = 1e-9;

    private Exercises03() {
    }

    /** One case of Exercise 3.4: parameters, their velocity and gradient, the learning rate η and momentum μ. */
    public record MomentumStep(double[] theta, double[] velocity, double[] gradient, double eta, double mu) {
        @Override
        public String toString() {
            return "theta = " + Arrays.toString(theta) + ", velocity = " + Arrays.toString(velocity) + ", gradient = "
                    + Arrays.toString(gradient) + ", eta = " + eta + ", mu = " + mu;
        }
    }

    /** Exercise 3.1: the binary cross-entropy of a prediction p = 0.8 for an image whose label is 1. */
    public static CheckResult binaryCrossEntropy(double answer) {
        return attempts.number("Exercise 3.1", answer, -Math.log(0.8), TOLERANCE, Hints.of(
                "with label y = 1 only one of the two terms of the loss is left",
                "BCE = −[y·ln p + (1 − y)·ln(1 − p)]; with y = 1 it is −ln p (natural log)"));
    }

    /** Exercise 3.2: the article's loss for one sample, original p = (0.7, 0.2, 0.1), compressed q = (0.5, 0.3, 0.2). */
    public static CheckResult articleLoss(double answer) {
        INDArray p = Nd4j.createFromArray(new float[][] {{0.7f, 0.2f, 0.1f}});
        INDArray q = Nd4j.createFromArray(new float[][] {{0.5f, 0.3f, 0.2f}});
        INDArray label = Nd4j.createFromArray(new float[][] {{1f, 0f, 0f}});
        double expected = ModelComparison.fromPredictions(p, q, label).articleLoss();
        return attempts.number("Exercise 3.2", answer, expected, TOLERANCE, Hints.of(
                "the article's loss is a cross-entropy whose targets are the original model's probabilities",
                "−Σ_c p_c·ln q_c (not KL, which subtracts the entropy of p)"));
    }

    /** Exercise 3.3: how far classical momentum (μ = 0.9, η = 0.1) moves a parameter in 3 steps of constant gradient 1. */
    public static CheckResult momentumDistance(double answer) {
        UpdateRule rule = Momentum.of(1, 0.1, 0.9, 0).newUpdateRule();
        double moved = 0;
        for (int step = 0; step < 3; step++) {
            moved += rule.update(Nd4j.createFromArray(new float[][] {{1f}}), step, 0).getDouble(0);
        }
        return attempts.number("Exercise 3.3", answer, Math.abs(moved), TOLERANCE, Hints.of(
                "write the velocity of each of the three steps; they grow",
                "v ← μ·v − η·g, then θ ← θ + v; add up |v| over the three steps (0.1, then 0.19, …)"));
    }

    /** Exercise 3.4: the student writes one step of classical momentum, returning {new theta, new velocity}. */
    public static CodingExercise<MomentumStep, double[][]> momentumStep() {
        return momentumStep(System.nanoTime());
    }

    static CodingExercise<MomentumStep, double[][]> momentumStep(long seed) {
        return CodingExercise.<MomentumStep, double[][]>named("Exercise 3.4")
                .input(Exercises03::randomStep, MomentumStep::toString)
                .reference(Exercises03::stepped)
                .same(Exercises03::closeTo)
                .hints("first the new velocity from the old one and the gradient, then move theta by the new velocity",
                        "v' = μ·v − η·g and θ' = θ + v', element by element; return new double[][] {θ', v'}"
                                + " (new arrays, the inputs unchanged)")
                .judgedBy(attempts, seed)
                .build();
    }

    private static MomentumStep randomStep(Random random) {
        int n = 1 + random.nextInt(5);
        double[] theta = new double[n];
        double[] velocity = new double[n];
        double[] gradient = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = random.nextGaussian();
            velocity[i] = random.nextGaussian() * 0.1;
            gradient[i] = random.nextGaussian();
        }
        return new MomentumStep(theta, velocity, gradient, 0.01 + random.nextDouble() * 0.5, random.nextDouble() * 0.99);
    }

    private static double[][] stepped(MomentumStep c) {
        int n = c.theta().length;
        double[] v = new double[n];
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = c.mu() * c.velocity()[i] - c.eta() * c.gradient()[i];
            theta[i] = c.theta()[i] + v[i];
        }
        return new double[][] {theta, v};
    }

    private static boolean closeTo(double[][] yours, double[][] expected) {
        if (yours.length != expected.length) {
            return false;
        }
        for (int r = 0; r < yours.length; r++) {
            if (yours[r] == null || yours[r].length != expected[r].length) {
                return false;
            }
            for (int i = 0; i < yours[r].length; i++) {
                if (!(Math.abs(yours[r][i] - expected[r][i]) <= STEP_TOLERANCE)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Exercise 3.5: why full-batch GD's loss rose on some early steps with η = 0.5. */
    public static ChoiceQuestion overshootQuestion() {
        return ChoiceQuestion.of("Exercise 3.5", 'D',
                "the step η·∇L is too long along the steepest directions: it jumps past the bottom of the valley to a"
                        + " higher point on the other side. The loss is convex and the gradient right; a smaller η, or a"
                        + " decaying one, removes the rises.",
                Hints.of("the gradient was checked against DL4J, and full-batch GD uses no random sampling",
                        "picture a ball in a narrow valley moved by a fixed multiple of the slope"))
                .judgedBy(attempts);
    }
}
