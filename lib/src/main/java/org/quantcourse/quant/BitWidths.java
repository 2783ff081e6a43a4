package org.quantcourse.quant;

/** The bit widths and code ranges each scheme allows. */
final class BitWidths {
    private BitWidths() {}

    /** Rejects a bit width the scheme does not support, saying which are allowed. */
    static void check(Scheme scheme, int bits) {
        switch (scheme) {
            case SYMMETRIC -> require(bits >= 2 && bits <= 16, bits, "symmetric quantization supports 2..16 bits"
                    + " (1-bit symmetric is the binary quantizer: Quantizer.binary() or Quantizer.of(SYMMETRIC, 1))");
            case ASYMMETRIC -> require(bits >= 1 && bits <= 16, bits, "asymmetric quantization supports 1..16 bits");
            case BINARY -> require(bits == 1, bits, "binary quantization uses exactly 1 bit");
            case TERNARY -> require(bits == 2, bits, "ternary quantization is stored in exactly 2 bits");
        }
    }

    /** {@code {qmin, qmax}} of a scheme and bit width; {@code restricted} drops the most negative symmetric code. */
    static int[] codeRange(Scheme scheme, int bits, boolean restricted) {
        return switch (scheme) {
            case SYMMETRIC -> {
                int qmax = (1 << (bits - 1)) - 1;
                yield new int[] {restricted ? -qmax : -qmax - 1, qmax};
            }
            case ASYMMETRIC -> new int[] {0, (1 << bits) - 1};
            case BINARY, TERNARY -> new int[] {-1, 1};
        };
    }

    private static void require(boolean ok, int bits, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException(bits + " bits is out of range: " + allowed);
        }
    }
}
