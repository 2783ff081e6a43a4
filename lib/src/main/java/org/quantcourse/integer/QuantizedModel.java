package org.quantcourse.integer;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A statically quantized network, everything needed to run it with integers only: per layer the int8 weights and
 * their scales, the int32 biases, the uint8 scales and zero-points of every activation, and (derived) the
 * fixed-point requantization multipliers. Images enter as NCHW floats and are quantized with {@link #input()};
 * the last layer's codes are the logits. Built by {@link StaticQuantizer}; run by {@link IntegerEngine} and
 * {@link FakeQuantSimulation}. Used in notebooks 09, 10.
 *
 * @param height input height
 * @param width input width
 * @param channels input channels
 * @param layers the layers in order; each reads the codes the previous one writes
 */
public record QuantizedModel(int height, int width, int channels, List<QuantizedLayer> layers) {

    /** Checks that consecutive layers fit (lengths and quantization); copies the list. */
    public QuantizedModel {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
        int length = height * width * channels;
        ActivationQuant quant = layers.get(0).input();
        for (QuantizedLayer layer : layers) {
            if (layer.inputLength() != length || !layer.input().equals(quant)) {
                throw new IllegalArgumentException("layer " + layer.name() + " reads " + layer.inputLength()
                        + " codes with " + layer.input() + " but receives " + length + " with " + quant);
            }
            length = layer.outputLength();
            quant = layer.output();
        }
    }

    /** Quantization of the input pixels. */
    public ActivationQuant input() {
        return layers.get(0).input();
    }

    /** Quantization of the logits (the last layer's output). */
    public ActivationQuant logits() {
        return layers.get(layers.size() - 1).output();
    }

    /** Number of classes (codes per image at the end). */
    public int classes() {
        return layers.get(layers.size() - 1).outputLength();
    }

    /** Codes per input image. */
    public int inputLength() {
        return height * width * channels;
    }

    /** The layer called {@code name}. */
    public QuantizedLayer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no layer " + name + "; layers: "
                        + layers.stream().map(QuantizedLayer::name).toList()));
    }

    /** Input codes {@code [n][h][w][c]} (NHWC, flat) of NCHW float images {@code [n, c, h, w]}. */
    public int[] quantizeImages(INDArray images) {
        if (images.rank() != 4 || images.size(1) != channels || images.size(2) != height || images.size(3) != width) {
            throw new IllegalArgumentException("images of shape " + java.util.Arrays.toString(images.shape())
                    + " do not fit the model: need [n, " + channels + ", " + height + ", " + width + "]");
        }
        float[] nhwc = images.permute(0, 2, 3, 1).dup('c').data().asFloat();
        ActivationQuant q = input();
        int[] codes = new int[nhwc.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = q.quantize(nhwc[i]);
        }
        return codes;
    }

    /** Bytes of the int8 weights, their scales and zero-points, and the int32 biases. */
    public long parameterBytes() {
        long bytes = 0;
        for (QuantizedLayer layer : layers) {
            if (layer instanceof QuantizedConv c) {
                bytes += c.weights().storedBytes() + 4L * c.outChannels();
            } else if (layer instanceof QuantizedDense d) {
                bytes += d.weights().storedBytes() + 4L * d.outputLength();
            }
        }
        return bytes;
    }
}
