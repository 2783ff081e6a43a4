package org.quantcourse.integer;

/**
 * Average pooling over non-overlapping {@code window×window} blocks of NHWC codes, in integers: the output keeps
 * the input's scale and zero-point, so {@code q_out = z + roundDiv(sum (q - z), window²)} (rounded division,
 * ties away from zero). Used in notebooks 09, 10.
 *
 * @param name layer name
 * @param inHeight input height
 * @param inWidth input width
 * @param channels channels
 * @param window side of the window, also the stride
 * @param quant quantization of input and output
 */
public record QuantizedAvgPool(String name, int inHeight, int inWidth, int channels, int window,
        ActivationQuant quant) implements QuantizedLayer {

    /** Checks that the window fits. */
    public QuantizedAvgPool {
        if (window <= 0 || window > inHeight || window > inWidth || channels <= 0) {
            throw new IllegalArgumentException("window " + window + " does not fit " + inHeight + "×" + inWidth + "×"
                    + channels);
        }
    }

    /** Output height {@code (inHeight - window) / window + 1} (trailing rows dropped, as DL4J's Truncate). */
    public int outHeight() {
        return (inHeight - window) / window + 1;
    }

    /** Output width. */
    public int outWidth() {
        return (inWidth - window) / window + 1;
    }

    @Override
    public ActivationQuant input() {
        return quant;
    }

    @Override
    public ActivationQuant output() {
        return quant;
    }

    @Override
    public int inputLength() {
        return inHeight * inWidth * channels;
    }

    @Override
    public int outputLength() {
        return outHeight() * outWidth() * channels;
    }
}
