package org.quantcourse.formats;

/**
 * A number format as a value type: floating point ({@link FloatFormat}: FP32, FP16, BF16, FP8 E4M3 and E5M2) or
 * signed integer ({@link IntegerFormat}: INT8, INT4). Used in notebook 07.
 */
public sealed interface NumberFormat permits FloatFormat, IntegerFormat {

    /** The short name, e.g. {@code "FP16"} or {@code "INT8"}. */
    String name();

    /** Bits per value. */
    int bits();

    /** The largest finite value. */
    double maxFinite();

    /** The smallest positive value. */
    double minPositive();

    /**
     * The distance between the two representable values around {@code x} (for a float format the ulp of
     * {@code |x|}, for an integer format 1); NaN where {@code |x|} exceeds {@link #maxFinite()}.
     */
    double spacing(double x);

    /** The sign, exponent and mantissa (or value) fields of the value nearest to {@code x}, for drawing. */
    BitFields fields(float x);
}
