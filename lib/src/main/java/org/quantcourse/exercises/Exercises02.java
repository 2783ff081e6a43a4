package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/** Checks for the exercises of notebook 02 (quantize and dequantize), judged under {@link Attempts}. */
public final class Exercises02 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final double SCALE_TOLERANCE = 1e-7;
    /** How far from a rounding tie (in steps) the random values of Exercise 2.4 stay. */
    private static final double TIE_MARGIN = 0.05;

    private Exercises02() {
    }

    /** One case of Exercise 2.4: a tensor and the bit width to quantize it with. */
    public record TensorAndBits(float[] values, int bits) {
        @Override
        public String toString() {
            return "values = " + Arrays.toString(values) + ", bits = " + bits;
        }
    }

    /** Exercise 2.1: the symmetric 8-bit scale of a tensor whose largest magnitude is 0.5 (values -0.5 … 0.3). */
    public static CheckResult symmetricScale(double answer) {
        QuantParams params = Quantizer.symmetric(8).params(new float[] {-0.5f, 0.1f, 0.3f});
        return attempts.number("Exercise 2.1", answer, params.scale(), SCALE_TOLERANCE, Hints.of(
                "the symmetric scale depends only on the largest magnitude and the bit width",
                "s = max|x| / (2^(b−1) − 1): the largest magnitude maps to the largest positive code, 127 for 8 bits"));
    }

    /** Exercise 2.2: the asymmetric 4-bit zero-point of a tensor ranging from -1 to 3. */
    public static CheckResult asymmetricZeroPoint(int answer) {
        QuantParams params = Quantizer.asymmetric(4).params(new float[] {-1f, 0.5f, 3f});
        return attempts.number("Exercise 2.2", answer, params.zeroPoint(), 0, Hints.of(
                "the zero-point is the code that stands for 0.0; first find the scale",
                "s = (max − min) / (2^b − 1) and z = round(−min / s)"));
    }

    /** Exercise 2.3: how many bytes 1,000 codes of 3 bits take when packed densely. */
    public static CheckResult packedBytes(long answer) {
        return attempts.number("Exercise 2.3", answer, BitPacker.packedLength(1000, 3), 0, Hints.of(
                "count bits first, then bytes",
                "1,000 codes × 3 bits, divided by 8 bits per byte, rounded up to whole bytes"));
    }

    /** Exercise 2.4: the student writes symmetric per-tensor quantization (codes only), as the library does it. */
    public static CodingExercise<TensorAndBits, int[]> symmetricQuantizer() {
        return symmetricQuantizer(System.nanoTime());
    }

    static CodingExercise<TensorAndBits, int[]> symmetricQuantizer(long seed) {
        return CodingExercise.<TensorAndBits, int[]>named("Exercise 2.4")
                .input(Exercises02::tensorAwayFromTies, TensorAndBits::toString)
                .reference(c -> Quantizer.symmetric(c.bits()).quantize(c.values()).codes())
                .hints("s = max|x| / (2^(b−1) − 1), then q = round(x / s) for every value",
                        "round half to even (Math.rint) and clamp to [−2^(b−1), 2^(b−1) − 1]; return the int codes")
                .judgedBy(attempts, seed)
                .build();
    }

    /** Random values whose x / s is never within {@link #TIE_MARGIN} of a tie, so float or double arithmetic agree. */
    private static TensorAndBits tensorAwayFromTies(Random random) {
        int bits = 2 + random.nextInt(7);
        int qmax = (1 << (bits - 1)) - 1;
        float step = 0.01f + random.nextFloat();
        float[] values = new float[2 + random.nextInt(7)];
        for (int i = 0; i < values.length; i++) {
            int code = random.nextInt(2 * qmax + 1) - qmax;
            double offset = (random.nextDouble() - 0.5) * (1 - 2 * TIE_MARGIN);
            offset = Math.abs(code) == qmax ? -Math.signum(code) * Math.abs(offset) : offset;
            values[i] = (float) ((code + offset) * step);
        }
        values[random.nextInt(values.length)] = (random.nextBoolean() ? 1 : -1) * qmax * step;
        return new TensorAndBits(values, bits);
    }

    /** Exercise 2.5: what one outlier does to a symmetric min-max grid. */
    public static ChoiceQuestion outlierQuestion() {
        return ChoiceQuestion.of("Exercise 2.5", 'B',
                "min-max sets s = max|x| / 7 = 40 / 7 ≈ 5.7: every value of a standard normal is within s/2 of 0, so"
                        + " nearly all become code 0 and are lost, while the outlier is kept exactly. Clipping (a"
                        + " smaller c) or per-channel scales are the cures.",
                Hints.of("compute the step s first: what is max|x| here?",
                        "compare s/2 with the typical |x| of a standard normal value"))
                .judgedBy(attempts);
    }
}
