package org.quantcourse.integer;

import java.util.Arrays;
import org.quantcourse.quant.integer.FixedPointMultiplier;

/**
 * A quantized convolution (stride 1, no padding) on NHWC codes: weights as rows of {@code kernel·kernel·inChannels}
 * codes in (ky, kx, c) order (OHWI, the order of an NHWC im2col patch), int32 bias with scale
 * {@code s_w[o] s_x}, optional fused ReLU. Immutable. Used in notebooks 09, 10.
 *
 * @param name layer name
 * @param inHeight input height
 * @param inWidth input width
 * @param inChannels input channels
 * @param kernel side of the square kernel
 * @param weights int8 weights, {@code outChannels} rows of {@code kernel²·inChannels}
 * @param bias int32 bias codes, one per output channel, scale {@code s_w[o] s_x}, zero-point 0
 * @param input quantization of the input codes
 * @param output quantization of the output codes
 * @param relu whether ReLU is fused (a clamp at the output zero-point)
 */
public record QuantizedConv(String name, int inHeight, int inWidth, int inChannels, int kernel,
        QuantizedWeights weights, int[] bias, ActivationQuant input, ActivationQuant output, boolean relu)
        implements QuantizedLayer {

    /** Checks that weights, bias and shapes fit together; copies the bias. */
    public QuantizedConv {
        if (kernel <= 0 || kernel > inHeight || kernel > inWidth || inChannels <= 0) {
            throw new IllegalArgumentException("kernel " + kernel + " does not fit an input of " + inHeight + "×"
                    + inWidth + "×" + inChannels);
        }
        if (weights.depth() != kernel * kernel * inChannels || bias.length != weights.outputs()) {
            throw new IllegalArgumentException("weights " + weights + " and " + bias.length + " biases do not fit a "
                    + kernel + "×" + kernel + " kernel on " + inChannels + " channels");
        }
        bias = bias.clone();
    }

    /** Output channels. */
    public int outChannels() {
        return weights.outputs();
    }

    /** Output height {@code inHeight - kernel + 1}. */
    public int outHeight() {
        return inHeight - kernel + 1;
    }

    /** Output width {@code inWidth - kernel + 1}. */
    public int outWidth() {
        return inWidth - kernel + 1;
    }

    /** A copy of the int32 bias codes. */
    @Override
    public int[] bias() {
        return bias.clone();
    }

    /** The requantization multipliers {@code M[o] = s_w[o] s_x / s_y} as fixed-point numbers. */
    public FixedPointMultiplier[] multipliers() {
        return Multipliers.of(weights, input, output);
    }

    @Override
    public int inputLength() {
        return inHeight * inWidth * inChannels;
    }

    @Override
    public int outputLength() {
        return outHeight() * outWidth() * outChannels();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedConv c && name.equals(c.name) && inHeight == c.inHeight && inWidth == c.inWidth
                && inChannels == c.inChannels && kernel == c.kernel && weights.equals(c.weights)
                && Arrays.equals(bias, c.bias) && input.equals(c.input) && output.equals(c.output) && relu == c.relu;
    }

    @Override
    public int hashCode() {
        return 31 * weights.hashCode() + Arrays.hashCode(bias) + name.hashCode();
    }

    @Override
    public String toString() {
        return "QuantizedConv[" + name + ", " + inHeight + "×" + inWidth + "×" + inChannels + " → " + outHeight() + "×"
                + outWidth() + "×" + outChannels() + ", " + kernel + "×" + kernel + (relu ? ", ReLU" : "") + ", in "
                + input + ", out " + output + "]";
    }
}
