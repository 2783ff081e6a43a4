package org.quantcourse.integer;

import java.util.Arrays;
import org.quantcourse.quant.integer.FixedPointMultiplier;

/**
 * A quantized dense layer {@code y[o] = b[o] + sum_k W[o][k] x[k]}: weights as {@code nOut} rows of {@code nIn}
 * codes (the transpose of DL4J's {@code W [nIn, nOut]}), int32 bias with scale {@code s_w[o] s_x}, optional fused
 * ReLU. Immutable. Used in notebooks 09, 10.
 *
 * @param name layer name
 * @param weights int8 weights, {@code nOut} rows of {@code nIn}
 * @param bias int32 bias codes, scale {@code s_w[o] s_x}, zero-point 0
 * @param input quantization of the input codes
 * @param output quantization of the output codes
 * @param relu whether ReLU is fused (a clamp at the output zero-point)
 */
public record QuantizedDense(String name, QuantizedWeights weights, int[] bias, ActivationQuant input,
        ActivationQuant output, boolean relu) implements QuantizedLayer {

    /** Checks that the bias fits the weights; copies it. */
    public QuantizedDense {
        if (bias.length != weights.outputs()) {
            throw new IllegalArgumentException(bias.length + " biases for " + weights.outputs() + " outputs");
        }
        bias = bias.clone();
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
        return weights.depth();
    }

    @Override
    public int outputLength() {
        return weights.outputs();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantizedDense d && name.equals(d.name) && weights.equals(d.weights)
                && Arrays.equals(bias, d.bias) && input.equals(d.input) && output.equals(d.output) && relu == d.relu;
    }

    @Override
    public int hashCode() {
        return 31 * weights.hashCode() + Arrays.hashCode(bias) + name.hashCode();
    }

    @Override
    public String toString() {
        return "QuantizedDense[" + name + ", " + inputLength() + " → " + outputLength() + (relu ? ", ReLU" : "")
                + ", in " + input + ", out " + output + "]";
    }
}
