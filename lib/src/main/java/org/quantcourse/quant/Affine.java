package org.quantcourse.quant;

/**
 * The two formulas of uniform quantization for one value, in PyTorch's order and float arithmetic:
 * {@code q = clamp(round(x/s) + z, qmin, qmax)} and {@code x' = (q - z) * s}.
 *
 * <p>Bit for bit what {@code torch.fake_quantize_per_tensor_affine} and {@code _per_channel_affine} compute on the
 * CPU (checked against golden fixtures made by torch): {@code x/s} is the float product {@code x * (1/s)}, rounded
 * half to even ({@code torch.round}, C's {@code nearbyint}); the zero-point is added <em>after</em> rounding, so an
 * odd zero-point does not move ties ({@code x = 0.5, 1.5, 2.5, -0.5}, {@code s = 1}, {@code z = 1} give
 * {@code 0, 2, 2, 0}). {@code x'} is the exact product rounded to float once; one beyond the float range is clamped
 * to {@code ±Float.MAX_VALUE}, so a finite value never fake-quantizes to an infinity.
 *
 * <p>The public methods check their arguments like the tensor path: NaN and ±Infinity are rejected, the scale must
 * be a positive normal float (so that {@code 1/s} is finite) and {@code qmin <= z <= qmax}.
 */
public final class Affine {
    private Affine() {}

    /** The code {@code clamp(rint(x * (1/s)) + z, qmin, qmax)}, exactly as PyTorch's fake_quantize rounds it. */
    public static int quantize(float x, float scale, int zeroPoint, int qmin, int qmax) {
        checkValue(x);
        checkParams(scale, zeroPoint, qmin, qmax);
        return code(x, scale, zeroPoint, qmin, qmax, Math::rint);
    }

    /** The value {@code (q - z) * s} of a code, rounded once to float and kept finite. */
    public static float dequantize(int q, float scale, int zeroPoint) {
        checkScale(scale);
        return value(q, scale, zeroPoint);
    }

    /** Quantize then dequantize one value: {@code (clamp(rint(x/s) + z, qmin, qmax) - z) * s}. */
    public static float fakeQuantize(float x, float scale, int zeroPoint, int qmin, int qmax) {
        checkValue(x);
        checkParams(scale, zeroPoint, qmin, qmax);
        return value(code(x, scale, zeroPoint, qmin, qmax, Math::rint), scale, zeroPoint);
    }

    /** The code of {@code x} with {@code rounder} applied to {@code x * (1/s)}; arguments already checked. */
    static int code(float x, float scale, int zeroPoint, int qmin, int qmax, Rounding.Rounder rounder) {
        double q = rounder.round(x * (1f / scale)) + zeroPoint;
        return (int) Math.max(qmin, Math.min(qmax, q));
    }

    /** {@code (q - z) * s} in double (exact), rounded to float and clamped to the finite floats. */
    static float value(int q, float scale, int zeroPoint) {
        double v = (double) (q - zeroPoint) * scale;
        return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, v));
    }

    /** Rejects NaN and ±Infinity with the message of the tensor path. */
    static void checkValue(float x) {
        if (!Float.isFinite(x)) {
            throw new IllegalArgumentException("value " + x
                    + ": only finite values (no NaN or Infinity) can be quantized");
        }
    }

    /** Rejects a scale, zero-point or code range that the formulas cannot use, saying what is allowed. */
    static void checkParams(float scale, int zeroPoint, int qmin, int qmax) {
        checkScale(scale);
        if (qmin >= qmax || zeroPoint < qmin || zeroPoint > qmax) {
            throw new IllegalArgumentException("need qmin < qmax and qmin <= zeroPoint <= qmax; got zeroPoint "
                    + zeroPoint + ", codes " + qmin + ".." + qmax);
        }
    }

    /** Rejects a scale that is not a positive normal float. */
    static void checkScale(float scale) {
        if (!(scale >= Float.MIN_NORMAL) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("scale " + scale + " cannot be used: scales must be positive and"
                    + " finite, at least Float.MIN_NORMAL (" + Float.MIN_NORMAL + ") so that 1/s is finite");
        }
    }
}
