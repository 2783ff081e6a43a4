package org.quantcourse.formats;

import java.util.Locale;
import java.util.Objects;

/**
 * A binary floating-point format with 1 sign bit, {@code e} exponent bits and {@code m} mantissa bits, and
 * round-to-nearest-even casting from FP32 written with bit manipulation. Used in notebook 07.
 *
 * <p>Values: with biased exponent {@code E} and mantissa field {@code M}, bias {@code 2^(e-1) - 1},
 * <ul>
 *   <li>normal ({@code 0 < E < max}): {@code (-1)^s * 2^(E - bias) * (1 + M / 2^m)};
 *   <li>subnormal ({@code E = 0}): {@code (-1)^s * 2^(1 - bias) * (M / 2^m)};
 *   <li>{@link Specials#IEEE}: {@code E} all ones is infinity ({@code M = 0}) or NaN (FP32, FP16, BF16, E5M2);
 *   <li>{@link Specials#NAN_ONLY} (OCP FP8 E4M3, "E4M3FN"): no infinity; only {@code S.1111.111} is NaN, so the
 *       top exponent holds normal values and the largest is {@code 1.110b * 2^8 = 448}.
 * </ul>
 *
 * <p>Casting rounds to the nearest representable value, ties to the even mantissa; results too large for the
 * format become what {@link Overflow} says: FP32/FP16/BF16/E5M2 overflow to infinity as IEEE 754 does (a value at
 * or beyond {@code max + ulp/2} rounds to infinity); E4M3 saturates to ±448 by default (what NVIDIA's
 * {@code __NV_SATFINITE} conversion and FP8 training recipes use), or gives NaN with {@link Overflow#NAN} (what
 * PyTorch's {@code float8_e4m3fn} cast does). NaN stays NaN (sign kept, payload not), infinity is an overflow.
 *
 * @param name the short name
 * @param exponentBits exponent field width, 2..8
 * @param mantissaBits mantissa (fraction) field width, 1..23
 * @param specials how the top exponent is used
 * @param overflow what a value beyond the largest finite one becomes
 */
public record FloatFormat(String name, int exponentBits, int mantissaBits, Specials specials, Overflow overflow)
        implements NumberFormat {

    /** IEEE 754 single precision: 8 exponent bits, 23 mantissa bits. */
    public static final FloatFormat FP32 = new FloatFormat("FP32", 8, 23, Specials.IEEE, Overflow.INFINITY);
    /** IEEE 754 half precision: 5 exponent bits, 10 mantissa bits, max 65504. */
    public static final FloatFormat FP16 = new FloatFormat("FP16", 5, 10, Specials.IEEE, Overflow.INFINITY);
    /** bfloat16: FP32's 8 exponent bits with 7 mantissa bits (the top half of an FP32). */
    public static final FloatFormat BF16 = new FloatFormat("BF16", 8, 7, Specials.IEEE, Overflow.INFINITY);
    /** OCP / NVIDIA FP8 E4M3: 4 exponent bits, 3 mantissa bits, no infinities, max 448, saturating cast. */
    public static final FloatFormat FP8_E4M3 = new FloatFormat("FP8 E4M3", 4, 3, Specials.NAN_ONLY, Overflow.SATURATE);
    /** OCP FP8 E5M2: IEEE-like, 5 exponent bits, 2 mantissa bits, max 57344, infinities and NaN. */
    public static final FloatFormat FP8_E5M2 = new FloatFormat("FP8 E5M2", 5, 2, Specials.IEEE, Overflow.INFINITY);

    /** How the all-ones exponent is used. */
    public enum Specials {
        /** All-ones exponent: infinity (mantissa 0) or NaN (any other mantissa). */
        IEEE,
        /** No infinity; only all-ones exponent and mantissa is NaN (OCP E4M3). */
        NAN_ONLY
    }

    /** What a cast produces for a value beyond the largest finite one (and for an infinite input). */
    public enum Overflow {
        /** ±infinity (IEEE formats only). */
        INFINITY,
        /** NaN. */
        NAN,
        /** ±the largest finite value. */
        SATURATE
    }

    /** Checks the field widths and that the overflow behaviour exists in the format. */
    public FloatFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specials, "specials");
        Objects.requireNonNull(overflow, "overflow");
        if (exponentBits < 2 || exponentBits > 8 || mantissaBits < 1 || mantissaBits > 23) {
            throw new IllegalArgumentException("a float format casts from FP32, so it needs 2..8 exponent bits and"
                    + " 1..23 mantissa bits; got " + exponentBits + " and " + mantissaBits);
        }
        if (overflow == Overflow.INFINITY && specials == Specials.NAN_ONLY) {
            throw new IllegalArgumentException(name + " has no infinity: choose Overflow.SATURATE or Overflow.NAN");
        }
    }

    /** This format with another overflow behaviour, e.g. {@code FP8_E4M3.withOverflow(Overflow.NAN)}. */
    public FloatFormat withOverflow(Overflow newOverflow) {
        return new FloatFormat(name, exponentBits, mantissaBits, specials, newOverflow);
    }

    @Override
    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    /** The exponent bias {@code 2^(e-1) - 1}: 127, 15, 7 for 8, 5, 4 exponent bits. */
    public int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    /** The code of the largest finite value (positive sign). */
    public int maxFiniteCode() {
        int allOnes = (1 << (exponentBits + mantissaBits)) - 1;
        return specials == Specials.IEEE ? (exponentMask() << mantissaBits) - 1 : allOnes - 1;
    }

    /** The code of +infinity; fails for a format without infinity. */
    public int infinityCode() {
        if (specials != Specials.IEEE) {
            throw new IllegalStateException(name + " has no infinity (its top exponent holds normal values)");
        }
        return exponentMask() << mantissaBits;
    }

    /** The canonical (quiet) NaN code with positive sign: the top mantissa bit set, or all ones for E4M3. */
    public int nanCode() {
        int quiet = specials == Specials.IEEE ? 1 << (mantissaBits - 1) : mantissaMask();
        return exponentMask() << mantissaBits | quiet;
    }

    @Override
    public double maxFinite() {
        return decode(maxFiniteCode());
    }

    /** The smallest positive normal value {@code 2^(1 - bias)}. */
    public double minNormal() {
        return decode(1 << mantissaBits);
    }

    /** The smallest positive subnormal value {@code 2^(1 - bias - m)}. */
    public double minSubnormal() {
        return decode(1);
    }

    @Override
    public double minPositive() {
        return minSubnormal();
    }

    /** Machine epsilon {@code 2^-m}: the gap between 1 and the next value. */
    public double epsilon() {
        return Math.scalb(1.0, -mantissaBits);
    }

    /** True when {@code code} is a NaN of this format. */
    public boolean isNaN(int code) {
        int magnitude = checkCode(code) & magnitudeMask();
        return specials == Specials.IEEE ? magnitude > infinityCode() : magnitude == nanCode();
    }

    /** True when {@code code} is ±infinity. */
    public boolean isInfinite(int code) {
        return specials == Specials.IEEE && (checkCode(code) & magnitudeMask()) == infinityCode();
    }

    /** The value of a code (0 .. 2^bits - 1), exactly, as an FP32. */
    public float decode(int code) {
        checkCode(code);
        if (isNaN(code)) {
            return Float.NaN;
        }
        boolean negative = (code >>> (bits() - 1)) == 1;
        int exponent = (code >>> mantissaBits) & exponentMask();
        int mantissa = code & mantissaMask();
        float magnitude;
        if (isInfinite(code)) {
            magnitude = Float.POSITIVE_INFINITY;
        } else if (exponent == 0) {
            magnitude = Math.scalb((float) mantissa, 1 - bias() - mantissaBits);
        } else {
            magnitude = Math.scalb((float) (mantissa | 1 << mantissaBits), exponent - bias() - mantissaBits);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * The code nearest to {@code x}, ties to even, computed on the bits of {@code x}: the magnitude
     * {@code sig * 2^k} is shifted right onto the target's quantum {@code 2^(E - bias - m)} (E at least 1, which
     * makes subnormals fall out of the same formula) with round-half-to-even on the bits shifted out, and the
     * code is {@code (E - 1) * 2^m + n}, so that a carry out of the mantissa increments the exponent.
     */
    public int encode(float x) {
        int raw = Float.floatToRawIntBits(x);
        int sign = (raw >>> 31) << (bits() - 1);
        if (Float.isNaN(x)) {
            return sign | nanCode();
        }
        if (Float.isInfinite(x)) {
            return sign | overflowCode();
        }
        long magnitude = roundMagnitude(raw & 0x7FFF_FFFF);
        return sign | (magnitude > maxFiniteCode() ? overflowCode() : (int) magnitude);
    }

    /** {@code x} cast to this format and back to FP32: the representable value nearest to {@code x}. */
    public float round(float x) {
        return decode(encode(x));
    }

    /** Every value of {@code x} cast to this format and back, in a new array. */
    public float[] round(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = round(x[i]);
        }
        return out;
    }

    /** Every finite non-negative value of the format, ascending (for drawing the grid); at most 16 bits. */
    public float[] nonNegativeValues() {
        if (bits() > 16) {
            throw new IllegalArgumentException(name + " has 2^" + (bits() - 1) + " non-negative values: list the"
                    + " values of a format of at most 16 bits");
        }
        float[] values = new float[maxFiniteCode() + 1];
        for (int code = 0; code < values.length; code++) {
            values[code] = decode(code);
        }
        return values;
    }

    @Override
    public double spacing(double x) {
        double magnitude = Math.abs(x);
        if (!(magnitude <= maxFinite())) {
            return Double.NaN;
        }
        int exponent = magnitude < minNormal() ? 1 : Math.getExponent(magnitude) + bias();
        return Math.scalb(1.0, exponent - bias() - mantissaBits);
    }

    /** {@link #spacing(double)} divided by {@code |x|}: about {@code 2^-m} to {@code 2^-(m+1)} for normal values. */
    public double relativeSpacing(double x) {
        return spacing(x) / Math.abs(x);
    }

    @Override
    public BitFields fields(float x) {
        return fieldsOf(encode(x));
    }

    /** The fields of a code. */
    public BitFields fieldsOf(int code) {
        return BitFields.of(this, checkCode(code));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (1 sign, %d exponent, %d mantissa bits; max %s, overflow %s)", name,
                exponentBits, mantissaBits, decode(maxFiniteCode()), overflow.name().toLowerCase(Locale.ROOT));
    }

    int exponentMask() {
        return (1 << exponentBits) - 1;
    }

    int mantissaMask() {
        return (1 << mantissaBits) - 1;
    }

    private int magnitudeMask() {
        return (1 << (bits() - 1)) - 1;
    }

    private int overflowCode() {
        return switch (overflow) {
            case INFINITY -> infinityCode();
            case NAN -> nanCode();
            case SATURATE -> maxFiniteCode();
        };
    }

    /** The rounded magnitude code of a non-negative finite FP32 given by its bits (may exceed the finite range). */
    private long roundMagnitude(int abs) {
        if (abs == 0) {
            return 0;
        }
        int significand = abs & 0x7F_FFFF;
        int biased32 = abs >>> 23;
        int scaleExponent = biased32 == 0 ? -149 : biased32 - 150; // abs = significand * 2^scaleExponent
        significand = biased32 == 0 ? significand : significand | 1 << 23;
        int log2 = 31 - Integer.numberOfLeadingZeros(significand) + scaleExponent;
        int exponent = Math.max(log2 + bias(), 1);
        int shift = exponent - bias() - mantissaBits - scaleExponent;
        long n = shift <= 0 ? (long) significand << -shift : shiftRightHalfEven(significand, shift);
        return ((long) (exponent - 1) << mantissaBits) + n;
    }

    /** {@code v / 2^shift} rounded to the nearest integer, ties to even. */
    static long shiftRightHalfEven(long v, int shift) {
        if (shift > 62) {
            return 0;
        }
        long quotient = v >>> shift;
        long remainder = v & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        boolean up = remainder > half || (remainder == half && (quotient & 1) == 1);
        return up ? quotient + 1 : quotient;
    }

    private int checkCode(int code) {
        if (bits() < 32 && (code < 0 || code >= 1 << bits())) {
            throw new IllegalArgumentException("code " + code + " does not fit " + name + ": allowed 0.."
                    + ((1L << bits()) - 1) + " (the bit pattern as an unsigned number)");
        }
        return code;
    }
}
