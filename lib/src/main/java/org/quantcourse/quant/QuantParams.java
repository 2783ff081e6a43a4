package org.quantcourse.quant;

import java.util.Arrays;

/**
 * Quantization parameters: scheme, bit width, code range {@code [qmin, qmax]}, granularity and one scale and
 * zero-point per group. Immutable: the arrays are copied in and out. Used in notebook 02.
 *
 * <p>Every scheme dequantizes with the same formula {@code x' = s * (q - z)}: binary codes are {@code -1, +1}
 * and ternary codes {@code -1, 0, +1}, both with {@code z = 0}.
 *
 * @param scheme the scheme
 * @param bits bits per code: symmetric 2..16, asymmetric 1..16, binary 1, ternary 2
 * @param qmin smallest code
 * @param qmax largest code
 * @param granularity which values share a scale
 * @param scales one positive finite scale per group
 * @param zeroPoints one zero-point per group, inside {@code [qmin, qmax]} (always 0 except asymmetric)
 */
public record QuantParams(Scheme scheme, int bits, int qmin, int qmax, Granularity granularity, float[] scales,
        int[] zeroPoints) {

    /** Checks every field and copies the arrays. */
    public QuantParams {
        if (scheme == null || granularity == null || scales == null || zeroPoints == null) {
            throw new IllegalArgumentException("scheme, granularity, scales and zero-points must not be null");
        }
        BitWidths.check(scheme, bits);
        checkCodeRange(scheme, bits, qmin, qmax);
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
        checkGroups(granularity, scales, zeroPoints, qmin, qmax);
    }

    /** Per-tensor asymmetric (affine) parameters: codes {@code 0..2^bits - 1}. Used in notebook 02. */
    public static QuantParams asymmetric(int bits, float scale, int zeroPoint) {
        BitWidths.check(Scheme.ASYMMETRIC, bits);
        return new QuantParams(Scheme.ASYMMETRIC, bits, 0, (1 << bits) - 1, Granularity.perTensor(),
                new float[] {scale}, new int[] {zeroPoint});
    }

    /** Per-tensor symmetric parameters: codes {@code -2^(bits-1)..2^(bits-1) - 1}, zero-point 0. Notebook 02. */
    public static QuantParams symmetric(int bits, float scale) {
        BitWidths.check(Scheme.SYMMETRIC, bits);
        int qmax = (1 << (bits - 1)) - 1;
        return new QuantParams(Scheme.SYMMETRIC, bits, -qmax - 1, qmax, Granularity.perTensor(),
                new float[] {scale}, new int[] {0});
    }

    /** Number of groups (1 for per-tensor, the channel count for per-channel). */
    public int groups() {
        return scales.length;
    }

    /** A copy of the scales, one per group. */
    @Override
    public float[] scales() {
        return scales.clone();
    }

    /** A copy of the zero-points, one per group. */
    @Override
    public int[] zeroPoints() {
        return zeroPoints.clone();
    }

    /** The single scale; rejected when there are several groups. */
    public float scale() {
        requireSingleGroup("scale");
        return scales[0];
    }

    /** The single zero-point; rejected when there are several groups. */
    public int zeroPoint() {
        requireSingleGroup("zeroPoint");
        return zeroPoints[0];
    }

    /** The scale of group {@code g}. */
    public float scale(int g) {
        return scales[checkGroup(g)];
    }

    /** The zero-point of group {@code g}. */
    public int zeroPoint(int g) {
        return zeroPoints[checkGroup(g)];
    }

    /** True when codes are restricted to {@code [-(2^(b-1)-1), 2^(b-1)-1]} (symmetric only). */
    public boolean isRestrictedRange() {
        return scheme == Scheme.SYMMETRIC && qmin == -qmax;
    }

    /** Smallest representable value of group {@code g}: {@code s * (qmin - z)}. */
    public float rangeMin(int g) {
        return (qmin - zeroPoint(g)) * scale(g);
    }

    /** Largest representable value of group {@code g}: {@code s * (qmax - z)}. */
    public float rangeMax(int g) {
        return (qmax - zeroPoint(g)) * scale(g);
    }

    /** The rounding-error bound {@code s/2} of group {@code g}, valid for values inside its range. */
    public float errorBound(int g) {
        return scale(g) / 2;
    }

    /** Bits each code takes when packed: {@code bits} (binary 1, ternary 2). */
    public int storageBits() {
        return bits;
    }

    /** The unsigned number {@code 0..2^storageBits - 1} stored for code {@code q}. */
    public int toUnsigned(int q) {
        return scheme == Scheme.BINARY ? (q > 0 ? 1 : 0) : q - qmin;
    }

    /** The code {@code q} for an unsigned stored number; inverse of {@link #toUnsigned(int)}. */
    public int fromUnsigned(int u) {
        return scheme == Scheme.BINARY ? (u == 0 ? -1 : 1) : u + qmin;
    }

    /** True when {@code q} is a code these parameters can produce. */
    public boolean isValidCode(int q) {
        return q >= qmin && q <= qmax && !(scheme == Scheme.BINARY && q == 0);
    }

    /** The codes of the given shape as a {@link QuantizedTensor} with these parameters (checked). */
    public QuantizedTensor withCodes(int[] codes, long... shape) {
        return new QuantizedTensor(codes, shape, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantParams p && scheme == p.scheme && bits == p.bits && qmin == p.qmin
                && qmax == p.qmax && granularity.equals(p.granularity) && Arrays.equals(scales, p.scales)
                && Arrays.equals(zeroPoints, p.zeroPoints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Objects.hash(scheme, bits, qmin, qmax, granularity) + Arrays.hashCode(scales))
                + Arrays.hashCode(zeroPoints);
    }

    @Override
    public String toString() {
        String s = scales.length == 1 ? "scale=" + scales[0] + ", zeroPoint=" + zeroPoints[0]
                : scales.length + " groups, scales=" + Arrays.toString(Arrays.copyOf(scales, Math.min(4, scales.length)))
                        + (scales.length > 4 ? "..." : "");
        return "QuantParams[" + scheme + ", " + bits + " bits, codes " + qmin + ".." + qmax + ", " + granularity
                + ", " + s + "]";
    }

    private void requireSingleGroup(String what) {
        if (scales.length != 1) {
            throw new IllegalArgumentException(what + "() needs a single group but these parameters have "
                    + scales.length + " (" + granularity + "): use " + what + "(group)");
        }
    }

    private int checkGroup(int g) {
        if (g < 0 || g >= scales.length) {
            throw new IllegalArgumentException("group " + g + " does not exist: allowed 0.." + (scales.length - 1));
        }
        return g;
    }

    private static void checkCodeRange(Scheme scheme, int bits, int qmin, int qmax) {
        int[] allowed = BitWidths.codeRange(scheme, bits, false);
        int[] restricted = BitWidths.codeRange(scheme, bits, true);
        boolean ok = (qmin == allowed[0] && qmax == allowed[1]) || (qmin == restricted[0] && qmax == restricted[1]);
        if (!ok) {
            throw new IllegalArgumentException("code range " + qmin + ".." + qmax + " does not fit " + scheme + " with "
                    + bits + " bits: allowed " + allowed[0] + ".." + allowed[1]
                    + (restricted[0] != allowed[0] ? " or " + restricted[0] + ".." + restricted[1] : ""));
        }
    }

    private static void checkGroups(Granularity granularity, float[] scales, int[] zeroPoints, int qmin, int qmax) {
        if (scales.length == 0 || scales.length != zeroPoints.length) {
            throw new IllegalArgumentException("need one scale and one zero-point per group (at least one), got "
                    + scales.length + " scales and " + zeroPoints.length + " zero-points");
        }
        if (granularity instanceof Granularity.PerTensor && scales.length != 1) {
            throw new IllegalArgumentException("per-tensor parameters have exactly one scale, got " + scales.length);
        }
        for (int g = 0; g < scales.length; g++) {
            if (!(scales[g] >= Float.MIN_NORMAL) || !Float.isFinite(scales[g])) {
                throw new IllegalArgumentException("scale of group " + g + " is " + scales[g]
                        + ": scales must be positive and finite, at least Float.MIN_NORMAL so that 1/s is finite");
            }
            if (zeroPoints[g] < qmin || zeroPoints[g] > qmax) {
                throw new IllegalArgumentException("zero-point of group " + g + " is " + zeroPoints[g]
                        + ": allowed " + qmin + ".." + qmax);
            }
        }
    }
}
