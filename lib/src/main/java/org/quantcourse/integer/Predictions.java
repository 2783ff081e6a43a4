package org.quantcourse.integer;

/** Classes from logit codes, and how often two sets of classes agree. Used in notebooks 09, 10. */
public final class Predictions {

    private Predictions() {
    }

    /** The argmax of each row of {@code classes} scores (first index on ties). */
    public static int[] argmax(int[] scores, int classes) {
        return argmax(scores.length / classes, classes, (i, j) -> scores[i] > scores[j]);
    }

    /** The argmax of each row of {@code classes} float scores (first index on ties). */
    public static int[] argmax(float[] scores, int classes) {
        return argmax(scores.length / classes, classes, (i, j) -> scores[i] > scores[j]);
    }

    /** Whether the score at flat index {@code i} is greater than the one at {@code j}. */
    private interface Greater {
        boolean at(int i, int j);
    }

    private static int[] argmax(int rows, int classes, Greater greater) {
        int[] out = new int[rows];
        for (int n = 0; n < rows; n++) {
            for (int c = 1; c < classes; c++) {
                out[n] = greater.at(n * classes + c, n * classes + out[n]) ? c : out[n];
            }
        }
        return out;
    }

    /** Fraction of positions where {@code a} and {@code b} are equal (accuracy when {@code b} are labels). */
    public static double agreement(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need two non-empty arrays of the same length, got " + a.length
                    + " and " + b.length);
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }
}
