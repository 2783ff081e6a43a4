package org.quantcourse.formats;

import java.util.Locale;

/**
 * The bit layout of one value: the code and the widths and contents of its sign, exponent and mantissa fields (an
 * integer format has no exponent: its {@code b - 1} low bits are the two's-complement value bits), with its value
 * and kind, for printing and drawing. Used in notebook 07.
 *
 * @param format the format's name
 * @param pattern the bit pattern as an unsigned number
 * @param exponentBits width of the exponent field (0 for integers)
 * @param mantissaBits width of the mantissa field (the value bits for integers)
 * @param value the value the pattern stands for
 * @param kind zero, subnormal, normal, infinity, NaN or integer
 */
public record BitFields(String format, long pattern, int exponentBits, int mantissaBits, double value, Kind kind) {

    /** What a bit pattern is. */
    public enum Kind {
        /** ±0. */
        ZERO,
        /** Exponent field 0, mantissa not 0: no implicit leading 1. */
        SUBNORMAL,
        /** An implicit leading 1. */
        NORMAL,
        /** ±infinity. */
        INFINITY,
        /** Not a number. */
        NAN,
        /** A two's-complement integer. */
        INTEGER
    }

    /** The fields of a code of a float format. */
    static BitFields of(FloatFormat f, int code) {
        long pattern = Integer.toUnsignedLong(code);
        int exponent = (int) (pattern >>> f.mantissaBits()) & f.exponentMask();
        int mantissa = code & f.mantissaMask();
        Kind kind = f.isNaN(code) ? Kind.NAN : f.isInfinite(code) ? Kind.INFINITY
                : exponent != 0 ? Kind.NORMAL : mantissa == 0 ? Kind.ZERO : Kind.SUBNORMAL;
        return new BitFields(f.name(), pattern, f.exponentBits(), f.mantissaBits(), f.decode(code), kind);
    }

    /** The fields of an integer code. */
    static BitFields of(IntegerFormat f, int code) {
        return new BitFields(f.name(), f.bitPattern(code), 0, f.bits() - 1, code, Kind.INTEGER);
    }

    /** Total bits. */
    public int bits() {
        return 1 + exponentBits + mantissaBits;
    }

    /** The sign bit. */
    public int sign() {
        return (int) (pattern >>> (bits() - 1)) & 1;
    }

    /** The exponent field as an unsigned number (0 for integers). */
    public int exponent() {
        return (int) (pattern >>> mantissaBits) & ((1 << exponentBits) - 1);
    }

    /** The mantissa field (the value bits for integers) as an unsigned number. */
    public int mantissa() {
        return (int) (pattern & ((1L << mantissaBits) - 1));
    }

    /** The pattern as binary digits with the fields separated by spaces, e.g. {@code "0 01111 0000000000"}. */
    public String binary() {
        String all = String.format("%" + bits() + "s", Long.toBinaryString(pattern)).replace(' ', '0');
        String exp = all.substring(1, 1 + exponentBits);
        return all.charAt(0) + (exponentBits > 0 ? " " + exp : "") + " " + all.substring(1 + exponentBits);
    }

    /** How the value follows from the fields, e.g. {@code "+2^(15-15) × (1 + 0/1024) = 1.0"}. */
    public String formula() {
        String sign = sign() == 1 ? "-" : "+";
        int bias = (1 << (exponentBits - 1)) - 1;
        long denominator = 1L << mantissaBits;
        return switch (kind) {
            case NORMAL -> String.format(Locale.ROOT, "%s2^(%d-%d) × (1 + %d/%d) = %s", sign, exponent(), bias,
                    mantissa(), denominator, valueText());
            case SUBNORMAL, ZERO -> String.format(Locale.ROOT, "%s2^(1-%d) × (0 + %d/%d) = %s", sign, bias, mantissa(),
                    denominator, valueText());
            case INTEGER -> String.format(Locale.ROOT, "-%d × %d + %d = %s", sign(), denominator, mantissa(),
                    valueText());
            case INFINITY, NAN -> valueText();
        };
    }

    /**
     * An HTML table drawing the bits, coloured by field (sign red, exponent green, mantissa blue), with the
     * formula below; for {@code display(fields.html(), "text/html")}.
     */
    public String html() {
        StringBuilder row = new StringBuilder();
        String digits = binary().replace(" ", "");
        for (int i = 0; i < digits.length(); i++) {
            String colour = i == 0 ? "#f4b6b6" : i <= exponentBits ? "#b8e0b8" : "#b8cff4";
            row.append("<td style=\"background:").append(colour).append(";padding:2px 6px;font-family:monospace\">")
                    .append(digits.charAt(i)).append("</td>");
        }
        return "<table style=\"border-collapse:collapse\"><tr><td style=\"padding-right:8px\"><b>" + format
                + "</b></td>" + row + "</tr></table><div style=\"font-family:monospace\">" + kindText() + ": "
                + formula() + "</div>";
    }

    @Override
    public String toString() {
        return format + " " + binary() + " (" + kindText() + ") = " + valueText();
    }

    private String kindText() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private String valueText() {
        return kind == Kind.INTEGER ? Long.toString((long) value) : Double.toString((float) value);
    }
}
