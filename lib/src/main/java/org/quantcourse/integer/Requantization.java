package org.quantcourse.integer;

import org.quantcourse.quant.integer.FixedPointMultiplier;

/**
 * How an int32 accumulator is scaled by {@code M = m0 * 2^-(31 + shift)} back to the output's code units. Used in
 * notebook 09.
 *
 * <ul>
 *   <li>{@link #GEMMLOWP}: gemmlowp's and TFLite's default, two roundings in 32-bit arithmetic:
 *       {@code RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(acc, m0), shift)}. The first rounding (to an
 *       integer of {@code acc * M0}) can move a value that lies just below a half of the final step onto it, and
 *       the second rounding then rounds it up: a 1-LSB difference from {@code round(acc * M)} in roughly
 *       {@code 2^-(shift+1)} of the outputs.
 *   <li>{@link #SINGLE_ROUNDING}: the exact 64-bit product rounded once, {@code round(acc * m0 / 2^(31+shift))}
 *       half away from zero ({@link FixedPointMultiplier#apply(long)}, TFLite's {@code TFLITE_SINGLE_ROUNDING}).
 * </ul>
 */
public enum Requantization {
    /** Two roundings in 32 bits: gemmlowp / TFLite default. */
    GEMMLOWP {
        @Override
        public int apply(int acc, FixedPointMultiplier m) {
            int leftShift = Math.max(0, -m.shift());
            int rightShift = Math.max(0, m.shift());
            int high = saturatingRoundingDoublingHighMul(saturatingLeftShift(acc, leftShift), m.m0());
            return roundingDivideByPowerOfTwo(high, rightShift);
        }
    },
    /** One rounding of the exact 64-bit product. */
    SINGLE_ROUNDING {
        @Override
        public int apply(int acc, FixedPointMultiplier m) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, m.apply(acc)));
        }
    };

    /** {@code acc * M} rounded to an integer, with this rule. */
    public abstract int apply(int acc, FixedPointMultiplier m);

    /**
     * gemmlowp's {@code SaturatingRoundingDoublingHighMul}: the high 32 bits of {@code 2 a b}, rounded to nearest
     * (ties up for positive, down for negative products), i.e. {@code round(a b / 2^31)}; the one overflowing
     * case {@code a = b = -2^31} saturates to {@code 2^31 - 1}.
     */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int) ((ab + nudge) / (1L << 31));
    }

    /**
     * gemmlowp's {@code RoundingDivideByPOT}: {@code x / 2^exponent} rounded to nearest, ties away from zero,
     * with shifts and masks only.
     */
    public static int roundingDivideByPowerOfTwo(int x, int exponent) {
        if (exponent < 0 || exponent > 31) {
            throw new IllegalArgumentException("exponent " + exponent + " is outside 0..31");
        }
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    private static int saturatingLeftShift(int x, int shift) {
        long shifted = (long) x << shift;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, shifted));
    }
}
