package org.quantcourse.quant;

/**
 * How a uniform quantizer turns a range {@code [min, max]} (widened to include 0) into a scale and zero-point.
 * Both rules compute in float32 exactly as PyTorch's observers do; they differ in the symmetric divisor and in
 * the smallest scale.
 *
 * <ul>
 *   <li>{@link #COURSE}: symmetric {@code s = max|x| / (2^(b-1) - 1)}, so the largest |x| lands exactly on code
 *       {@code ±(2^(b-1) - 1)} and values inside the range never produce the code {@code -2^(b-1)};
 *   <li>{@link #PYTORCH}: symmetric {@code s = max|x| / ((qmax - qmin) / 2)}, PyTorch's
 *       {@code MinMaxObserver} rule: on the full signed range {@code qmax - qmin = 2^b - 1}, so
 *       {@code s = max|x| / (2^(b-1) - 1/2)}, the largest positive |x| rounds to {@code 2^(b-1)} and is clipped to
 *       {@code 2^(b-1) - 1} (an error of up to {@code s}), while {@code -max|x|} may use {@code -2^(b-1)}.
 * </ul>
 * Asymmetric, both: {@code s = (max - min) / (qmax - qmin)}, {@code z = clamp(qmin - round(min/s), qmin, qmax)}.
 *
 * <p>Bit-identical to PyTorch: with {@link #PYTORCH}, scales, zero-points and fake-quantized values equal those
 * of {@code torch.ao.quantization.MinMaxObserver} / {@code PerChannelMinMaxObserver} (with
 * {@code quant_min = qmin()}, {@code quant_max = qmax()}) followed by {@code torch.fake_quantize_per_tensor_affine}
 * / {@code _per_channel_affine}, for every tensor whose range {@code max - min} fits in a float. With
 * {@link #COURSE} they are equal too for asymmetric quantization and for symmetric with
 * {@link Quantizer#restrictedRange()} (then {@code (qmax - qmin) / 2 = 2^(b-1) - 1}), except when a group's range is
 * so small that PyTorch floors the scale at float32 eps ({@code 2^-23}, also for an all-zero group) where the course
 * uses 1 for an all-zero group and {@code Float.MIN_NORMAL} otherwise. A range too wide for float (such as
 * {@code [-3e38, 3e38]}) is divided in double by both rules and the scale capped at {@code Float.MAX_VALUE}, so it
 * stays finite (PyTorch's would be infinite).
 */
public enum ScaleRule {
    /** The course's rule: symmetric {@code s = max|x| / (2^(b-1) - 1)}; an all-zero range gets {@code s = 1}. */
    COURSE,
    /** PyTorch's observer rule: symmetric {@code s = max|x| / ((qmax - qmin) / 2)}; scales at least eps. */
    PYTORCH;

    /** PyTorch's smallest scale, {@code torch.finfo(torch.float32).eps}. */
    static final float PYTORCH_EPS = Math.ulp(1f);
}
