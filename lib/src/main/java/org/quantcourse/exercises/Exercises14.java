package org.quantcourse.exercises;

import java.util.function.DoubleUnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.course.CourseModel;
import org.quantcourse.rounding.AdaRound;

/** Checks for the exercises of notebook 14 (mixed precision and learned rounding). */
public final class Exercises14 {
    private static final int FC1 = 3;
    private static final double CLOSE = 1e-6;

    /** Exercise 14.2: your rectified sigmoid on fresh random v, against AdaRound's. */
    public static final CodingExercise<Double, Double> RECTIFIED_SIGMOID = rectifiedSigmoid().build();

    /** Exercise 14.3: which layer gets the fewest bits under a tight budget. */
    public static final ChoiceQuestion FEWEST_BITS = ChoiceQuestion.of("Exercise 14.3", 'B',
            "fc1 holds 92 % of the weights: each bit taken from it saves about 29 KB, a bit taken from conv1 saves"
                    + " 36 bytes, and its output SQNR at 3 bits is still close to the other layers' — the knapsack"
                    + " buys the most accuracy per byte by squeezing the biggest layer first.",
            Hints.of("compare the stored bytes column of the sensitivity table between layers at the same bits",
                    "the budget is in bytes: where does one bit less per weight save the most bytes?"));

    private Exercises14() {}

    /** Exercise 14.1: the stored bytes of fc1 alone at 3 bits, symmetric per channel (codes, scales, bias). */
    public static CheckResult fc1BytesAt3Bits(long answer) {
        return fc1BytesAt3Bits(CourseModel.trained().network(), answer);
    }

    /** The check of 14.1 for a given network. */
    static CheckResult fc1BytesAt3Bits(MultiLayerNetwork net, long answer) {
        long expected = ModelQuantizer.quantize(net, QuantSpec.symmetric(3).perChannel()).layer(FC1).storedBytes();
        return CheckResult.number("Exercise 14.1", answer, expected, 0,
                "nIn·nOut weights at 3 bits packed into bytes, plus one 4-byte scale per output channel, plus the"
                        + " FP32 bias (4 bytes per output)");
    }

    /** Checks your {@code h(v)} (Exercise 14.2). */
    public static CheckResult rectifiedSigmoid(DoubleUnaryOperator yours) {
        return RECTIFIED_SIGMOID.check(yours::applyAsDouble);
    }

    static CodingExercise.Builder<Double, Double> rectifiedSigmoid() {
        return CodingExercise.<Double, Double>named("Exercise 14.2")
                .input(random -> (random.nextDouble() - 0.5) * 16, v -> "v = " + v)
                .reference(v -> AdaRound.softRounding(Nd4j.scalar(v)).getDouble(0))
                .same((yours, expected) -> yours != null && Math.abs(yours - expected) <= CLOSE)
                .hints("h(v) = clip(σ(v)·(ζ − γ) + γ, 0, 1) with σ(v) = 1/(1 + e^(−v)), ζ = 1.1, γ = −0.1",
                        "stretch the sigmoid to (−0.1, 1.1) first, then clip to [0, 1]: large |v| gives exactly 0 or 1");
    }
}
