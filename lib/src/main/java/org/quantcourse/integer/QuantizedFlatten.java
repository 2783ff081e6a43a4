package org.quantcourse.integer;

/**
 * Flattens NHWC feature-map codes {@code [h][w][c]} into a vector in channel-first order
 * {@code c·H·W + h·W + w}, the order of PyTorch's {@code view} on NCHW maps, of DL4J's flattening and of ONNX's
 * {@code Flatten}; codes and quantization are unchanged. Used in notebooks 09, 10.
 *
 * @param name layer name
 * @param height map height
 * @param width map width
 * @param channels map channels
 * @param quant quantization of input and output
 */
public record QuantizedFlatten(String name, int height, int width, int channels, ActivationQuant quant)
        implements QuantizedLayer {

    /** Checks the shape. */
    public QuantizedFlatten {
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("shape " + height + "×" + width + "×" + channels + " must be positive");
        }
    }

    /** The vector index of the map position {@code (h, w, c)}. */
    public int flatIndex(int h, int w, int c) {
        return (c * height + h) * width + w;
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
        return height * width * channels;
    }

    @Override
    public int outputLength() {
        return inputLength();
    }
}
