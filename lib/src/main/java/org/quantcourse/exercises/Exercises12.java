package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 12 (binary and ternary networks), judged under {@link Attempts}. */
public final class Exercises12 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    /** The channel of Exercise 12.2. */
    static final float[] TWN_CHANNEL = {0.9f, -0.1f, 0.3f, -0.6f, 0.05f, 0.4f};
    private static final double SAME_WEIGHT = 1e-5;

    private Exercises12() {
    }

    /** Exercise 12.1: the extra code bytes of conv1 and fc2 at 8 bits instead of binary. */
    public static CheckResult extraBytesForEightBitEnds(long answer) {
        MultiLayerNetwork cnn = ArticleCnn.builder().build();
        long extra = 0;
        for (int layer : new int[] {0, cnn.getnLayers() - 1}) {
            long weights = cnn.getLayer(layer).getParam("W").length();
            extra += weights - (weights + 7) / 8;
        }
        return attempts.number("Exercise 12.1", answer, extra, 0, Hints.of(
                "8 bits are one byte per weight; binary codes are one bit per weight, packed into whole bytes",
                "per layer: n bytes at 8 bits against ceil(n / 8) binary; conv1 has 288 weights, fc2 1,000"));
    }

    /** Exercise 12.2: TWN's scale for {@link #TWN_CHANNEL}. */
    public static CheckResult twnScale(double answer) {
        double expected = largestMagnitude(Quantizer.ternary().fakeQuantize(TWN_CHANNEL.clone()));
        return attempts.number("Exercise 12.2", answer, expected, 0.005, Hints.of(
                "first the threshold: 0.7 times the mean of the six magnitudes",
                "the threshold is about 0.274; the scale is the mean of the magnitudes above it (four of them)"));
    }

    /** Exercise 12.3: the student writes TWN's ternarizer for one channel. */
    public static CodingExercise<float[], float[]> ternarizer() {
        return ternarizer(System.nanoTime());
    }

    static CodingExercise<float[], float[]> ternarizer(long seed) {
        return CodingExercise.<float[], float[]>named("Exercise 12.3")
                .input(Exercises12::randomChannel, Arrays::toString)
                .reference(w -> Quantizer.ternary().fakeQuantize(w.clone()))
                .same(Exercises12::sameWeights)
                .hints("three levels: +α above the threshold, −α below minus the threshold, 0 in between;"
                                + " the threshold is 0.7 · mean|w|",
                        "α is the mean of |w| over the weights beyond the threshold only (not of all weights),"
                                + " and 1 when no weight is beyond it")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 12.4: why BinaryConnect keeps latent float weights. */
    public static ChoiceQuestion latentWeightQuestion() {
        return ChoiceQuestion.of("Exercise 12.4", 'B',
                "an Adam or SGD step moves a weight by about 1e-4 to 1e-3, while the binary levels ±α are 2α apart:"
                        + " applied to the binary weight the step is rounded away and nothing ever changes. The float"
                        + " latent weight adds the small steps up until its sign flips. (The file stores the signs and"
                        + " α, not the latent weights; ∂L/∂ŵ is computed at the binary weights themselves.)",
                Hints.of("what would happen to +α after a step of −0.0005 if it had to stay binary?",
                        "compare the size of one update with the distance between the two levels"))
                .judgedBy(attempts);
    }

    private static float[] randomChannel(Random random) {
        float[] w = new float[4 + random.nextInt(40)];
        double spread = 0.01 + random.nextDouble() * 0.3;
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * spread);
        }
        return w;
    }

    private static boolean sameWeights(float[] yours, float[] expected) {
        if (yours.length != expected.length) {
            return false;
        }
        for (int i = 0; i < yours.length; i++) {
            if (Math.abs(yours[i] - expected[i]) > SAME_WEIGHT * Math.max(1, Math.abs(expected[i]))) {
                return false;
            }
        }
        return true;
    }

    private static double largestMagnitude(float[] values) {
        double largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }
}
