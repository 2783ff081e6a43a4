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

    /** The int32 accumulators {@code acc[r][o]} (row-major, {@code rows × cols}) of the formula above. */
    static int[] accumulate(int[] a, int rows, int[] b, int cols, int depth, int za, int zb, int[] colSumsB,
            int[] bias) {
        int[] acc = new int[rows * cols];
        int constant = depth * za * zb;
        for (int r = 0; r < rows; r++) {
            int aStart = r * depth;
            int rowTerm = zb == 0 ? 0 : zb * sum(a, aStart, depth);
            for (int o = 0; o < cols; o++) {
                int raw = dot(a, aStart, b, o * depth, depth);
                acc[r * cols + o] = bias[o] + raw - rowTerm - za * colSumsB[o] + constant;
            }
        }
        return acc;
    }

    /** {@code sum_k x[xs + k] y[ys + k]}, a loop the JIT can vectorize. */
    static int dot(int[] x, int xs, int[] y, int ys, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += x[xs + k] * y[ys + k];
        }
        return s;
    }

    private static int sum(int[] x, int start, int n) {
        int s = 0;
        for (int k = 0; k < n; k++) {
            s += x[start + k];
        }
        return s;
    }
}
