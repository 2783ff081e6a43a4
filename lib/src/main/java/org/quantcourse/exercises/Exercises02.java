package org.quantcourse.exercises;

import org.quantcourse.quant.BitPacker;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/** Checks for the exercises of notebook 02 (quantize and dequantize), computed with the quantization library. */
public final class Exercises02 {

    private static final double SCALE_TOLERANCE = 1e-7;

    private Exercises02() {
    }

    /** Exercise 2.1: the symmetric 8-bit scale of a tensor whose largest magnitude is 0.5 (values -0.5 … 0.3). */
    public static CheckResult symmetricScale(double answer) {
        QuantParams params = Quantizer.symmetric(8).params(new float[] {-0.5f, 0.1f, 0.3f});
        return CheckResult.number("Exercise 2.1", answer, params.scale(), SCALE_TOLERANCE,
                "s = max|x| / (2^(b−1) − 1): the largest magnitude maps to the largest positive code, 127 for 8 bits");
    }

    /** Exercise 2.2: the asymmetric 4-bit zero-point of a tensor ranging from -1 to 3. */
    public static CheckResult asymmetricZeroPoint(int answer) {
        QuantParams params = Quantizer.asymmetric(4).params(new float[] {-1f, 0.5f, 3f});
        return CheckResult.number("Exercise 2.2", answer, params.zeroPoint(), 0,
                "s = (max − min) / (2^b − 1) and z = round(−min / s): the code that stands for 0.0");
    }

    /** Exercise 2.3: how many bytes 1,000 codes of 3 bits take when packed densely. */
    public static CheckResult packedBytes(long answer) {
        return CheckResult.number("Exercise 2.3", answer, BitPacker.packedLength(1000, 3), 0,
                "1,000 codes × 3 bits, divided by 8 bits per byte, rounded up to whole bytes");
    }
}
