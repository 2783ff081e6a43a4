package org.quantcourse.exercises;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.course.CourseModel;
import org.quantcourse.rounding.AdaRound;

/** Checks for the exercises of notebook 14 (mixed precision and learned rounding), judged under {@link Attempts}. */
public final class Exercises14 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final int FC1 = 3;
    private static final double CLOSE = 1e-6;
    private static final double V_RANGE = 16;

    private Exercises14() {
    }

    /** Exercise 14.1: the stored bytes of fc1 alone at 3 bits, symmetric per channel (codes, scales, bias). */
    public static CheckResult fc1BytesAt3Bits(long answer) {
        return fc1BytesAt3Bits(CourseModel.trained().network(), answer);
    }

    /** The check of 14.1 for a given network. */
    static CheckResult fc1BytesAt3Bits(MultiLayerNetwork net, long answer) {
        long expected = ModelQuantizer.quantize(net, QuantSpec.symmetric(3).perChannel()).layer(FC1).storedBytes();
        return attempts.number("Exercise 14.1", answer, expected, 0, Hints.of(
                "three parts: the packed codes, the scales, the bias; how many of each does fc1 have?",
                "nIn·nOut weights at 3 bits packed into bytes, plus one 4-byte scale per output channel, plus the"
                        + " FP32 bias (4 bytes per output)"));
    }

    /** Exercise 14.2: the student writes AdaRound's rectified sigmoid h(v), checked on fresh random v. */
    public static CodingExercise<Double, Double> rectifiedSigmoid() {
        return rectifiedSigmoid(System.nanoTime());
    }

    static CodingExercise<Double, Double> rectifiedSigmoid(long seed) {
        return CodingExercise.<Double, Double>named("Exercise 14.2")
                .input(random -> (random.nextDouble() - 0.5) * V_RANGE, v -> "v = " + v)
                .reference(v -> AdaRound.softRounding(Nd4j.scalar(v)).getDouble(0))
                .same((yours, expected) -> Math.abs(yours - expected) <= CLOSE)
                .hints("h(v) = clip(σ(v)·(ζ − γ) + γ, 0, 1) with σ(v) = 1/(1 + e^(−v)), ζ = 1.1, γ = −0.1",
                        "stretch the sigmoid to (−0.1, 1.1) first, then clip to [0, 1]: large |v| gives exactly 0 or 1")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 14.3: which layer gets the fewest bits under a tight budget (B: fc1). */
    public static ChoiceQuestion fewestBits() {
        return ChoiceQuestion.of("Exercise 14.3", 'B',
                "fc1 holds 92 % of the weights: each bit taken from it saves about 29 KB, a bit taken from conv1 saves"
                        + " 36 bytes, and its output SQNR at 3 bits is still close to the other layers' — the knapsack"
                        + " buys the most accuracy per byte by squeezing the biggest layer first.",
                Hints.of("compare the stored bytes column of the sensitivity table between layers at the same bits",
                        "the budget is in bytes: where does one bit less per weight save the most bytes?"))
                .judgedBy(attempts);
    }
}
