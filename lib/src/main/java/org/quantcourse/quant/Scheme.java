package org.quantcourse.quant;

/**
 * The quantization schemes of the course. Used in notebook 01.
 *
 * <ul>
 *   <li>{@link #SYMMETRIC}: signed codes, zero-point 0, scale {@code max|x| / (2^(b-1) - 1)}; 2..16 bits.
 *   <li>{@link #ASYMMETRIC}: unsigned codes {@code 0..2^b - 1} with an integer zero-point, range widened to
 *       include 0 so that 0.0 is exactly representable; 1..16 bits.
 *   <li>{@link #BINARY}: codes {@code -1, +1}, scale {@code mean|x|} (XNOR-Net's; BinaryConnect had none); 1 bit.
 *   <li>{@link #TERNARY}: codes {@code -1, 0, +1}, threshold {@code 0.7 mean|x|}, scale = mean of the kept
 *       {@code |x|} (Ternary Weight Networks); stored in 2 bits.
 * </ul>
 */
public enum Scheme {
    /** Signed codes, zero-point 0. */
    SYMMETRIC,
    /** Unsigned codes with an integer zero-point (affine). */
    ASYMMETRIC,
    /** Sign with scale mean|x|. */
    BINARY,
    /** Three levels with threshold 0.7 mean|x|. */
    TERNARY;

    /** True for the schemes whose range comes from an observer (symmetric and asymmetric). */
    public boolean isUniform() {
        return this == SYMMETRIC || this == ASYMMETRIC;
    }
}
