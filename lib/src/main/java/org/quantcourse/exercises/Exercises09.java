package org.quantcourse.exercises;

import java.util.Random;
import org.quantcourse.integer.ActivationQuant;
import org.quantcourse.integer.Requantization;
import org.quantcourse.quant.integer.FixedPointMultiplier;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 09 (integer-only inference), judged under {@link Attempts}. */
public final class Exercises09 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final int UINT8_SPAN = 255;
    private static final int INT8_SYMMETRIC_MAX = 127;
    private static final double EXERCISE_2_MULTIPLIER = 0.0037;
    private static final int REQUANTIZE_CASES = 60;

    /**
     * One int32 accumulator to requantize (Exercise 9.3).
     *
     * @param acc the int32 accumulator
     * @param m0 the fixed-point mantissa {@code round(M0 * 2^31)}, in {@code [2^30, 2^31)}
     * @param shift the right shift {@code n} of {@code M = m0 * 2^-(31 + n)}, {@code >= 0}
     * @param zeroPoint the output zero-point
     * @param relu whether a ReLU is fused (lower clamp at the zero-point)
     */
    public record Accumulator(int acc, int m0, int shift, int zeroPoint, boolean relu) {
        @Override
        public String toString() {
            return "acc = " + acc + ", m0 = " + m0 + ", shift = " + shift + ", zeroPoint = " + zeroPoint + ", relu = "
                    + relu;
        }
    }

    private Exercises09() {
    }

    /** Exercise 9.1: the largest |acc| of fc1's products (bias aside): K · 255 · 127 with K = 2304. */
    public static CheckResult fc1AccumulatorBound(long answer) {
        long expected = (long) ArticleCnn.correctFlattenedSize(ArticleCnn.MNIST_SIZE) * UINT8_SPAN * INT8_SYMMETRIC_MAX;
        return attempts.number("Exercise 9.1", answer, expected, 0, Hints.of(
                "bound one product first: how far can q_x − z_x and q_w each be from 0?",
                "each of the K products is at most |q_x − z_x| · |q_w| with |q_x − z_x| ≤ 255 and |q_w| ≤ 127"));
    }

    /** Exercise 9.2: the shift n of M = 0.0037 = M0 · 2^-n with M0 in [0.5, 1). */
    public static CheckResult shift(int answer) {
        int expected = FixedPointMultiplier.of(EXERCISE_2_MULTIPLIER).shift();
        return attempts.number("Exercise 9.2", answer, expected, 0, Hints.of(
                "M0 = M · 2^n must land in [0.5, 1): each doubling of M adds one to n",
                "multiply 0.0037 by 2 until it reaches [0.5, 1); n is the number of doublings"));
    }

    /** Exercise 9.3: the student writes the single-rounding requantization, run on fresh random accumulators. */
    public static CodingExercise<Accumulator, Integer> requantize() {
        return requantize(System.nanoTime());
    }

    static CodingExercise<Accumulator, Integer> requantize(long seed) {
        return CodingExercise.<Accumulator, Integer>named("Exercise 9.3")
                .input(Exercises09::randomCase, Accumulator::toString)
                .reference(Exercises09::reference)
                .hints("multiply acc and m0 in long (64 bits), then round by adding half of 2^(31+shift) to the"
                        + " magnitude before shifting; mind the sign",
                        "round half away from zero: for negative products shift the magnitude and negate; then add"
                                + " the zero-point and clamp to [relu ? zeroPoint : 0, 255]")
                .cases(REQUANTIZE_CASES)
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 9.4: why the Java int8 engine is slower than DL4J FP32. */
    public static ChoiceQuestion whyInt8IsSlower() {
        return ChoiceQuestion.of("Exercise 9.4", 'B',
                "Speed comes from instructions, not from narrow numbers: oneDNN's FP32 kernels do 8 (AVX2) or 16"
                        + " (AVX-512) fused multiply-adds per instruction with cache blocking, while plain Java widens"
                        + " the codes to int32 and gets at most 8 products per vpmulld plus separate adds, im2col copies"
                        + " and per-output requantization. With AVX-512 VNNI (vpdpbusd: 64 u8×s8 products into int32"
                        + " per instruction) or ARM sdot, a kernel that uses them does up to 4× FP32's multiply-adds per"
                        + " instruction.",
                Hints.of("Which instructions does each engine end up executing per multiply-add?",
                        "Count the multiply-adds one AVX2 FP32 FMA does, and what a Java int loop can use without"
                                + " VNNI."))
                .judgedBy(attempts);
    }

    /** The correct answer to 9.3: {@code clamp(z + round(acc · m0 / 2^(31+shift)), relu ? z : 0, 255)}. */
    static int reference(Accumulator a) {
        int rounded = Requantization.SINGLE_ROUNDING.apply(a.acc(), new FixedPointMultiplier(a.m0(), a.shift()));
        long q = (long) a.zeroPoint() + rounded;
        return (int) Math.max(a.relu() ? a.zeroPoint() : ActivationQuant.QMIN, Math.min(ActivationQuant.QMAX, q));
    }

    /**
     * A random accumulator: a third are exact ties ({@code M0 = 1/2}, {@code acc = odd · 2^shift}, never clamped),
     * the rest spread over about ±200..400 output steps around a random zero-point.
     */
    static Accumulator randomCase(Random random) {
        int shift = random.nextInt(13);
        if (random.nextInt(3) == 0) {
            int odd = 2 * random.nextInt(200) - 199;
            return new Accumulator(odd << shift, 1 << 30, shift, 103 + random.nextInt(51), false);
        }
        int m0 = (1 << 30) + random.nextInt(1 << 30);
        int span = 200 << (shift + 1);
        return new Accumulator(random.nextInt(2 * span) - span, m0, shift, random.nextInt(256), random.nextBoolean());
    }
}
