package org.quantcourse.integer;

/**
 * How two runs' codes of the same layer differ: how many, how many equal, how many 1 LSB apart, the largest
 * difference. Used in notebook 09.
 *
 * @param count codes compared
 * @param equal codes that are equal
 * @param offByOne codes that differ by exactly 1
 * @param maxDifference largest {@code |a - b|}
 */
public record CodeComparison(long count, long equal, long offByOne, int maxDifference) {

    /** Compares two code arrays of the same length. */
    public static CodeComparison of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cannot compare " + a.length + " codes with " + b.length);
        }
        long equal = 0;
        long one = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs(a[i] - b[i]);
            equal += d == 0 ? 1 : 0;
            one += d == 1 ? 1 : 0;
            max = Math.max(max, d);
        }
        return new CodeComparison(a.length, equal, one, max);
    }

    /** Fraction of equal codes. */
    public double agreement() {
        return count == 0 ? 1 : (double) equal / count;
    }

    /** Fraction of codes that differ. */
    public double differing() {
        return 1 - agreement();
    }
}
