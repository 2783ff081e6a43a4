package org.quantcourse.integer;

import java.util.Arrays;

/**
 * The int8 weights of a convolution or dense layer as a matrix of {@code outputs} rows of {@code depth} codes
 * (row {@code o} holds everything output channel {@code o} multiplies), with one scale per row and one zero-point:
 * {@code w' = s[o] (q - z)}. Symmetric weights ({@link #symmetricPerChannel}) have {@code z = 0} and codes in
 * {@code [-127, 127]}. Immutable: arrays are copied in and out. Used in notebooks 09, 10.
 *
 * @param codes {@code outputs * depth} int8 codes, row-major
 * @param outputs number of rows (output channels)
 * @param depth codes per row (the reduction length K of the GEMM)
 * @param scales one positive scale per row
 * @param zeroPoint zero-point shared by all rows (0 when symmetric)
 */
public record QuantizedWeights(byte[] codes, int outputs, int depth, float[] scales, int zeroPoint) {
    /** Largest magnitude of a symmetric int8 code (the restricted range keeps {@code -128} unused). */
    public static final int SYMMETRIC_QMAX = 127;

    /** Checks the sizes and scales; copies the arrays. */
    public QuantizedWeights {
        if (codes == null || scales == null) {
            throw new IllegalArgumentException("codes and scales must not be null");
        }
        if (outputs <= 0 || depth <= 0 || codes.length != outputs * depth || scales.length != outputs) {
            throw new IllegalArgumentException(codes.length + " codes and " + scales.length + " scales do not fit "
                    + outputs + " rows of " + depth + ": need rows * depth codes and one scale per row");
        }
        for (float s : scales) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new IllegalArgumentException("weight scale " + s + " must be positive and finite");
            }
        }
        if (zeroPoint < Byte.MIN_VALUE || zeroPoint > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("weight zero-point " + zeroPoint + " is outside int8 -128..127");
        }
        codes = codes.clone();
        scales = scales.clone();
    }

    /**
     * Symmetric per-row int8 quantization of {@code rows[o][k]}: {@code s[o] = max_k |w[o][k]| / 127},
     * {@code q = round(w / s)} (half away from zero); an all-zero row gets scale 1.
     */
    public static QuantizedWeights symmetricPerChannel(float[][] rows) {
        int outputs = rows.length;
        int depth = outputs == 0 ? 0 : rows[0].length;
        byte[] codes = new byte[outputs * depth];
        float[] scales = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            if (rows[o].length != depth) {
                throw new IllegalArgumentException("row " + o + " has " + rows[o].length + " weights, row 0 " + depth);
            }
            scales[o] = symmetricScale(rows[o]);
            for (int k = 0; k < depth; k++) {
                codes[o * depth + k] = (byte) ActivationQuant.roundHalfAway(rows[o][k] / (double) scales[o]);
            }
        }
        return new QuantizedWeights(codes, outputs, depth, scales, 0);
    }

    /** A copy of the codes. */
    @Override
    public byte[] codes() {
        return codes.clone();
    }

    /** A copy of the scales. */
    @Override
    public float[] scales() {
        return scales.clone();
    }

    /** The code at row {@code o}, column {@code k}. */
    public int code(int o, int k) {
        return codes[o * depth + k];
    }

    /** The real weight {@code s[o] (q - z)} at row {@code o}, column {@code k}. */
    public double value(int o, int k) {
        return (double) scales[o] * (codes[o * depth + k] - zeroPoint);
    }

    /** The codes widened to int (the engine's working copy). */
    int[] codesAsInts() {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i];
        }
        return out;
    }

    /** Bytes stored: one per code, four per scale, one for the zero-point. */
    public long storedBytes() {
        return codes.length + 4L * scales.length + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedWeights w && outputs == w.outputs && depth == w.depth && zeroPoint == w.zeroPoint
                && Arrays.equals(codes, w.codes) && Arrays.equals(scales, w.scales);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(codes) + Arrays.hashCode(scales)) + outputs * 17 + depth + zeroPoint;
    }

    @Override
    public String toString() {
        return "QuantizedWeights[" + outputs + "×" + depth + " int8, " + outputs + " scales, zeroPoint=" + zeroPoint
                + "]";
    }

    private static float symmetricScale(float[] row) {
        float max = 0;
        for (float v : row) {
            max = Math.max(max, Math.abs(v));
        }
        return max > 0 ? max / SYMMETRIC_QMAX : 1f;
    }
}
