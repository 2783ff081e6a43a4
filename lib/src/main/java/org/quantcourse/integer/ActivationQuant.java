package org.quantcourse.integer;

/**
 * Per-tensor uint8 quantization of an activation: {@code q = clamp(round(x / s) + z, 0, 255)},
 * {@code x' = s (q - z)}, with rounding half away from zero (TFLite's {@code std::round}). The range always
 * contains 0, so that the real zero (ReLU's floor, padding) is exactly the code {@code z}. Used in notebooks 09, 10.
 *
 * @param scale positive finite step {@code s}
 * @param zeroPoint code {@code z} of the real 0, in {@code [0, 255]}
 */
public record ActivationQuant(float scale, int zeroPoint) {
    /** Smallest uint8 code. */
    public static final int QMIN = 0;
    /** Largest uint8 code. */
    public static final int QMAX = 255;

    /** Checks the scale and the zero-point. */
    public ActivationQuant {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("scale " + scale + " must be positive and finite");
        }
        if (zeroPoint < QMIN || zeroPoint > QMAX) {
            throw new IllegalArgumentException("zero-point " + zeroPoint + " is outside the uint8 codes 0..255");
        }
    }

    /**
     * The parameters covering {@code [min, max]} widened to contain 0: {@code s = (max - min) / 255},
     * {@code z = round(-min / s)}; a range of width 0 gets scale 1.
     */
    public static ActivationQuant fromRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] must be finite with min <= max");
        }
        double low = Math.min(0, min);
        double high = Math.max(0, max);
        float scale = high > low ? (float) ((high - low) / QMAX) : 1f;
        int zeroPoint = (int) Math.max(QMIN, Math.min(QMAX, roundHalfAway(-low / scale)));
        return new ActivationQuant(scale, zeroPoint);
    }

    /** The code of a real value: {@code clamp(round(x / s) + z, 0, 255)}. */
    public int quantize(double x) {
        return clamp(roundHalfAway(x / scale) + zeroPoint, QMIN);
    }

    /** The real value {@code s (q - z)} of a code. */
    public double dequantize(int q) {
        return (double) scale * (q - zeroPoint);
    }

    /** The smallest and largest real values the codes stand for: {@code s (0 - z)} and {@code s (255 - z)}. */
    public double[] range() {
        return new double[] {dequantize(QMIN), dequantize(QMAX)};
    }

    /** Clamps a code to {@code [low, 255]}; {@code low = z} is a fused ReLU, {@code low = 0} none. */
    static int clamp(long q, int low) {
        return (int) Math.max(low, Math.min(QMAX, q));
    }

    /** Rounds half away from zero, the rule of TFLite's reference kernels and of gemmlowp's rounding shift. */
    static long roundHalfAway(double v) {
        return (long) (v >= 0 ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5));
    }
}
