package org.quantcourse.integer;

/**
 * The integer matrix product at the heart of every layer (Jacob et al. 2018, eq. 7–9): for codes {@code a} of
 * {@code rows × K} (activations, zero-point {@code za}) and {@code b} of {@code cols × K} (weights, zero-point
 * {@code zb}),
 *
 * <pre>
 *   acc[r][o] = bias[o] + sum_k (a[r][k] - za)(b[o][k] - zb)
 *             = bias[o] + sum_k a[r][k] b[o][k] - zb * rowSum_a[r] - za * colSum_b[o] + K za zb
 * </pre>
 *
 * in int32: the {@code O(rows·cols·K)} part is a plain product of raw codes; the zero-point cross terms need only
 * the row sums of {@code a} ({@code O(rows·K)}, skipped when {@code zb = 0}, as for symmetric weights) and the
 * column sums of {@code b} (precomputed once per layer). Used in notebook 09.
 */
final class IntegerGemm {
    /** Largest K for which {@code K · 255 · 255} fits into an int32 accumulator. */
    static final int MAX_DEPTH = Integer.MAX_VALUE / (255 * 255);

    private IntegerGemm() {
    }

    /** Sum of each row of {@code b} ({@code cols × depth}). */
    static int[] rowSums(int[] b, int cols, int depth) {
        int[] sums = new int[cols];
        for (int o = 0; o < cols; o++) {
            int s = 0;
            for (int k = 0; k < depth; k++) {
                s += b[o * depth + k];
            }
            sums[o] = s;
        }
        return sums;
    }

    /**
     * The int32 accumulators {@code acc[r][o]} (row-major, {@code rows × cols}) of the formula above, for weights
     * given transposed, {@code bT [depth][cols]}: for each row, every code {@code a[r][k]} is multiplied with the
     * contiguous weight row {@code bT[k][0..cols)} and added to {@code cols} accumulators, a loop the JIT turns
     * into SIMD multiplies and adds. Codes equal to 0 are skipped (exact: their products are 0); after a ReLU with
     * zero-point 0 most activation codes are, so the integer engine does only the work of the non-zero ones.
     */
    static int[] accumulate(int[] a, int rows, int[] bT, int cols, int depth, int za, int zb, int[] colSumsB,
            int[] bias) {
        int[] acc = new int[rows * cols];
        int constant = depth * za * zb;
        int[] row = new int[cols];
        for (int r = 0; r < rows; r++) {
            int aStart = r * depth;
            java.util.Arrays.fill(row, 0);
            for (int k = 0; k < depth; k++) {
                int code = a[aStart + k];
                if (code != 0) {   // after a ReLU most codes are 0 (zero-point 0): their products add nothing
                    axpy(code, bT, k * cols, row, cols);
                }
            }
            int rowTerm = zb == 0 ? 0 : zb * sum(a, aStart, depth);
            for (int o = 0; o < cols; o++) {
                acc[r * cols + o] = bias[o] + row[o] - rowTerm - za * colSumsB[o] + constant;
            }
        }
        return acc;
    }

    /** {@code b [rows][cols]} transposed to {@code [cols][rows]}. */
    static int[] transpose(int[] b, int rows, int cols) {
        int[] t = new int[b.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = b[i * cols + j];
            }
        }
        return t;
    }

    /** {@code y[0..n) += alpha * x[xs..xs+n)}. */
    private static void axpy(int alpha, int[] x, int xs, int[] y, int n) {
        for (int o = 0; o < n; o++) {
            y[o] += alpha * x[xs + o];
        }
    }

    private static int sum(int[] x, int start, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += x[start + k];
        }
        return s;
    }
}
