package org.quantcourse.quant.integer;

/**
 * A positive real multiplier {@code M = M0 * 2^-shift} stored as integers, as in integer-only inference (Jacob et
 * al. 2018, gemmlowp): {@code M0} in {@code [0.5, 1)} as a 32-bit fixed-point number {@code m0 = round(M0 * 2^31)},
 * so that {@code M * acc} is one 64-bit multiply and one rounding right shift.
 *
 * @param m0 {@code round(M0 * 2^31)}, in {@code [2^30, 2^31)}
 * @param shift right shift applied after the fixed-point multiply; {@code M = m0 * 2^-(31 + shift)}
 */
public record FixedPointMultiplier(int m0, int shift) {
    private static final int MIN_SHIFT = -31;
    private static final int MAX_SHIFT = 31;

    /** Checks that {@code m0} is a normalized Q31 mantissa and the shift is usable. */
    public FixedPointMultiplier {
        if (m0 < (1 << 30)) {
            throw new IllegalArgumentException("m0 " + m0 + " is not normalized: allowed 2^30..2^31-1");
        }
        if (shift < MIN_SHIFT || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift " + shift + " is out of range: allowed " + MIN_SHIFT + ".."
                    + MAX_SHIFT + " (multipliers 2^-32..2^31)");
        }
    }

    /** The integer form of a positive finite {@code real}: {@code real = M0 * 2^-shift}, M0 in [0.5, 1). */
    public static FixedPointMultiplier of(double real) {
        if (!(real > 0) || Double.isInfinite(real)) {
            throw new IllegalArgumentException("multiplier " + real + " must be positive and finite");
        }
        int shift = -Math.getExponent(real) - 1;
        long m0 = Math.round(Math.scalb(real, shift) * (1L << 31));
        if (m0 == (1L << 31)) {
            m0 = 1L << 30;
            shift--;
        }
        return new FixedPointMultiplier((int) m0, shift);
    }

    /** The real value {@code m0 * 2^-(31 + shift)} this multiplier stands for. */
    public double value() {
        return Math.scalb((double) m0, -(31 + shift));
    }

    /** {@code round(acc * M)} with integer arithmetic only; ties round away from zero. */
    public long apply(long acc) {
        return roundingRightShift(Math.multiplyExact(acc, (long) m0), 31 + shift);
    }

    private static long roundingRightShift(long x, int s) {
        if (s <= 0) {
            return x << -s;
        }
        long half = 1L << (s - 1);
        return x >= 0 ? (x + half) >> s : -((-x + half) >> s);
    }
}
