package org.quantcourse.quant;

/**
 * Packs unsigned codes of 1..16 bits densely into bytes and back, exactly. Code {@code i} occupies bits
 * {@code [i*bits, (i+1)*bits)} of a little-endian bit stream (least significant bit first within each byte);
 * the last byte is padded with zeros. {@code n} codes take {@code ceil(n*bits/8)} bytes. Used in notebook 02.
 */
public final class BitPacker {
    private static final int MAX_BITS = 16;

    private BitPacker() {}

    /** Packs codes, each in {@code [0, 2^bits - 1]}, into {@code ceil(n*bits/8)} bytes. */
    public static byte[] pack(int[] codes, int bits) {
        checkBits(bits);
        int max = (1 << bits) - 1;
        byte[] out = new byte[(int) packedLength(codes.length, bits)];
        long acc = 0; // pending bits, least significant first
        int pending = 0;
        int pos = 0;
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < 0 || c > max) {
                throw new IllegalArgumentException("code " + c + " at index " + i + " does not fit " + bits
                        + " unsigned bits: allowed 0.." + max);
            }
            acc |= (long) c << pending;
            pending += bits;
            while (pending >= 8) {
                out[pos++] = (byte) acc;
                acc >>>= 8;
                pending -= 8;
            }
        }
        if (pending > 0) {
            out[pos] = (byte) acc;
        }
        return out;
    }

    /** Unpacks {@code count} codes of {@code bits} bits from {@code packed}. */
    public static int[] unpack(byte[] packed, int bits, int count) {
        checkBits(bits);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        long needed = packedLength(count, bits);
        if (packed == null || packed.length < needed) {
            throw new IllegalArgumentException(count + " codes of " + bits + " bits need " + needed + " bytes but "
                    + (packed == null ? "null" : packed.length) + " were given");
        }
        int[] out = new int[count];
        int mask = (1 << bits) - 1;
        long acc = 0;
        int available = 0;
        int pos = 0;
        for (int i = 0; i < count; i++) {
            while (available < bits) {
                acc |= (long) (packed[pos++] & 0xff) << available;
                available += 8;
            }
            out[i] = (int) (acc & mask);
            acc >>>= bits;
            available -= bits;
        }
        return out;
    }

    /** Bytes that {@code count} codes of {@code bits} bits take: {@code ceil(count*bits/8)}. */
    public static long packedLength(long count, int bits) {
        checkBits(bits);
        return (count * bits + 7) / 8;
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException(bits + " bits is out of range: codes of 1.." + MAX_BITS
                    + " bits can be packed");
        }
    }
}
