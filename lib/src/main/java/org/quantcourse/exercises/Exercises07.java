package org.quantcourse.exercises;

import java.util.Random;
import org.quantcourse.formats.FloatFormat;

/** Checks for the exercises of notebook 07 (number formats), judged under {@link Attempts}. */
public final class Exercises07 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    /** An IEEE-style FP8 with 3 exponent and 4 mantissa bits (the format of Exercise 7.1). */
    static final FloatFormat E3M4 = new FloatFormat("FP8 E3M4", 3, 4, FloatFormat.Specials.IEEE,
            FloatFormat.Overflow.INFINITY);

    private static final int CAST_CASES = 40;

    private Exercises07() {
    }

    /** Exercise 7.1: the largest finite value of an IEEE-style FP8 E3M4 (bias 3, all-ones exponent for ∞/NaN). */
    public static CheckResult e3m4Max(double answer) {
        return attempts.number("Exercise 7.1", answer, E3M4.maxFinite(), 1e-9, Hints.of(
                "the bias is 2^(e−1) − 1 for e exponent bits, and the all-ones exponent is not a number here",
                "the largest finite value has exponent field 110 (111 is ∞/NaN) and mantissa 1111:"
                        + " 2^(6 − bias) × (1 + 15/16)"));
    }

    /** Exercise 7.2: 257 cast to BF16 (round to nearest, ties to even). */
    public static CheckResult bf16Of257(double answer) {
        return attempts.number("Exercise 7.2", answer, FloatFormat.BF16.round(257f), 0, Hints.of(
                "BF16 keeps 7 mantissa bits: what is the gap between neighbouring BF16 values in [256, 512)?",
                "the gap there is 2^8 / 2^7 = 2, so 257 is exactly halfway between two BF16 values: which one has"
                        + " the even mantissa?"));
    }

    /**
     * Exercise 7.3: the student writes the cast from FP32 to FP8 E5M2 (the nearest value, ties to even, ±∞ beyond
     * 57344 + half a gap, the sign of zero kept), checked on random values with ties, subnormals, overflow and the
     * double-rounding trap (values just off an E5M2 tie that FP16 would round onto it).
     */
    public static CodingExercise<Float, Float> castToE5m2() {
        return castToE5m2(System.nanoTime());
    }

    static CodingExercise<Float, Float> castToE5m2(long seed) {
        return CodingExercise.<Float, Float>named("Exercise 7.3")
                .input(Exercises07::e5m2Case, x -> x + " (FP32 bits 0x" + Integer.toHexString(Float.floatToRawIntBits(x)) + ")")
                .reference(x -> FloatFormat.FP8_E5M2.round(x))
                .same((yours, expected) -> Float.floatToIntBits(yours) == Float.floatToIntBits(expected))
                .hints("E5M2 is FP16 with 2 mantissa bits instead of 10 (bias 15 as well): adapt toFp16 — the shift,"
                        + " the carry into the exponent and the infinity code 0x7C — and decode the code"
                        + " (FloatFormat.FP8_E5M2.decode); keep the sign, also of zero.",
                        "round once, straight from the FP32 bits: rounding to FP16 first can move a value that is"
                        + " just off an E5M2 tie exactly onto it, and ties-to-even then goes the wrong way"
                        + " (double rounding).")
                .cases(CAST_CASES)
                .judgedBy(attempts, seed)
                .build();
    }

    /** Exercise 7.4: which format keeps gradients without loss scaling (B: BF16). */
    public static ChoiceQuestion gradientFormat() {
        return ChoiceQuestion.of("Exercise 7.4", 'B',
                "BF16 has FP32's 8 exponent bits, so gradients neither underflow nor overflow and no loss scale is"
                        + " needed; FP16 needs one, E4M3 has a range of 448/2^-9 only, INT8 a scale fitted to every"
                        + " tensor.",
                Hints.of("what goes wrong with small gradients is range, not precision: which format has FP32's range?",
                        "compare the exponent bits: FP16 5, BF16 8, E4M3 4; INT8 has none."))
                .judgedBy(attempts);
    }

    /** Exercise 7.5: what 0.003 becomes in E4M3 without a scale (C: 0.00390625). */
    public static ChoiceQuestion unscaledE4m3() {
        return ChoiceQuestion.of("Exercise 7.5", 'C',
                "0.003 is below E4M3's smallest normal 2^-6, among the subnormals k · 2^-9: 0.003 / 2^-9 = 1.54 rounds"
                        + " to 2, so 2 · 2^-9 = 0.00390625, 30% off. Hence the per-tensor FP32 scale.",
                Hints.of("is 0.003 a normal E4M3 value? Its smallest normal is 2^-6 = 0.0156.",
                        "subnormals are multiples of 2^-9 = 0.001953125: which multiple is nearest to 0.003?"))
                .judgedBy(attempts);
    }

    /** A random input: a normal value, an E5M2 tie, a double-rounding trap, a subnormal, an overflow or a special. */
    static Float e5m2Case(Random random) {
        FloatFormat f = FloatFormat.FP8_E5M2;
        float sign = random.nextBoolean() ? 1 : -1;
        int kind = random.nextInt(10);
        int code = random.nextInt(f.maxFiniteCode());
        float mid = (f.decode(code) + f.decode(code + 1)) / 2; // exact: 4 significant bits
        return switch (kind) {
            case 0, 1, 2 -> sign * (float) Math.pow(2, -14 + 29.8 * random.nextDouble());
            case 3, 4 -> sign * mid;
            case 5, 6 -> sign * doubleRoundingTrap(random);
            case 7 -> sign * (float) (random.nextDouble() * f.minNormal());
            case 8 -> sign * switch (random.nextInt(3)) {
                case 0 -> 61440f; // the tie between 57344 and the missing 65536: to infinity
                case 1 -> 57344f + 4096f * (float) random.nextDouble(); // just below or above that tie
                default -> 1e5f * (1 + (float) random.nextDouble());
            };
            default -> new float[] {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
                    Float.MIN_VALUE}[random.nextInt(6)];
        };
    }

    /**
     * A value just above the midpoint of an even E5M2 code and the next: its nearest E5M2 value is the upper one,
     * but FP16 rounds it onto the midpoint, where ties-to-even picks the lower.
     */
    static float doubleRoundingTrap(Random random) {
        FloatFormat f = FloatFormat.FP8_E5M2;
        int even = 2 * random.nextInt(f.maxFiniteCode() / 2);
        float mid = (f.decode(even) + f.decode(even + 1)) / 2;
        return mid + (float) (FloatFormat.FP16.spacing(mid) / 4);
    }
}
