package org.quantcourse.formats;

import java.util.Locale;

/**
 * A signed two's-complement integer format, INT8 or INT4: codes {@code -2^(b-1) .. 2^(b-1) - 1}, one apart
 * everywhere (the uniform grid; a real value is {@code s * q} with a scale {@code s} chosen per tensor or channel,
 * see {@code Quantizer}). Used in notebook 07.
 *
 * @param name the short name
 * @param bits bits per value, 2..16
 */
public record IntegerFormat(String name, int bits) implements NumberFormat {

    /** 8-bit signed integers, -128..127. */
    public static final IntegerFormat INT8 = new IntegerFormat("INT8", 8);
    /** 4-bit signed integers, -8..7. */
    public static final IntegerFormat INT4 = new IntegerFormat("INT4", 4);

    /** Checks the width. */
    public IntegerFormat {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("integer formats here have 2..16 bits, got " + bits);
        }
    }

    /** The smallest code {@code -2^(b-1)}. */
    public int minCode() {
        return -(1 << (bits - 1));
    }

    /** The largest code {@code 2^(b-1) - 1}. */
    public int maxCode() {
        return (1 << (bits - 1)) - 1;
    }

    @Override
    public double maxFinite() {
        return maxCode();
    }

    @Override
    public double minPositive() {
        return 1;
    }

    @Override
    public double spacing(double x) {
        return Math.abs(x) <= maxCode() + 0.5 ? 1 : Double.NaN;
    }

    /** The code nearest to {@code x} (ties to even), clamped to the code range; NaN is rejected. */
    public int encode(float x) {
        if (Float.isNaN(x)) {
            throw new IllegalArgumentException(name + " has no NaN: only numbers can be cast to an integer format");
        }
        return (int) Math.max(minCode(), Math.min(maxCode(), Math.rint(x)));
    }

    /** The two's-complement bit pattern of a code, as an unsigned number {@code 0..2^b - 1}. */
    public int bitPattern(int code) {
        if (code < minCode() || code > maxCode()) {
            throw new IllegalArgumentException("code " + code + " is outside " + name + ": allowed " + minCode() + ".."
                    + maxCode());
        }
        return code & ((1 << bits) - 1);
    }

    @Override
    public BitFields fields(float x) {
        return BitFields.of(this, encode(x));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (two's complement, codes %d..%d)", name, minCode(), maxCode());
    }
}
