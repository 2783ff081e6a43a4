package org.quantcourse.integer;

import org.quantcourse.quant.integer.FixedPointMultiplier;

/** The per-output-channel requantization multipliers {@code M[o] = s_w[o] s_x / s_y} of a layer. */
final class Multipliers {
    private Multipliers() {
    }

    /** {@code M[o]} as fixed-point numbers, computed in double from the float scales. */
    static FixedPointMultiplier[] of(QuantizedWeights weights, ActivationQuant input, ActivationQuant output) {
        FixedPointMultiplier[] m = new FixedPointMultiplier[weights.outputs()];
        for (int o = 0; o < m.length; o++) {
            m[o] = FixedPointMultiplier.of(real(weights, o, input, output));
        }
        return m;
    }

    /** The real multiplier {@code s_w[o] s_x / s_y}. */
    static double real(QuantizedWeights weights, int o, ActivationQuant input, ActivationQuant output) {
        return (double) weights.scales()[o] * input.scale() / output.scale();
    }
}
