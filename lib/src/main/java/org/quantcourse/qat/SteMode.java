package org.quantcourse.qat;

/**
 * How the straight-through estimator passes the gradient through a fake quantizer {@code q(x)}, whose true
 * derivative is 0 almost everywhere. Used in notebooks 11 and 12.
 *
 * <ul>
 *   <li>{@link #PLAIN}: {@code ∂q/∂x := 1} everywhere, also where {@code x} is clipped to the range's end;
 *   <li>{@link #CLIPPED}: {@code ∂q/∂x := 1} inside the representable range {@code [lo, hi]}, 0 outside, because
 *       there a small change of {@code x} does not change {@code q(x)} at all (BinaryConnect's hard-tanh rule).
 * </ul>
 */
public enum SteMode {
    /** The gradient passes everywhere. */
    PLAIN,
    /** The gradient passes inside the range only. */
    CLIPPED
}
