package org.quantcourse.quant;

import java.util.Arrays;

/** Shape arithmetic shared by the quantizers. */
final class Shapes {
    private Shapes() {}

    /** Number of values a tensor of this shape holds. */
    static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Checks that no dimension is negative and that the tensor fits a Java array. */
    static void check(long[] shape) {
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
        }
        if (length(shape) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds more than "
                    + (Integer.MAX_VALUE - 8) + " values, the most a Java array can hold");
        }
    }
}
