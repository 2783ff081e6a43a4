package org.quantcourse.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.quantcourse.dl4jfix.ChannelsLastConvolution;

/**
 * Floating-point operations of one image through a CNN, counted from its layer shapes.
 *
 * <p>Convention: a multiply-add is 2 FLOPs; only convolutions and dense layers are counted. A convolution with a
 * {@code K×K} kernel, {@code Cin} input and {@code Cout} output channels and an {@code H×W} output does
 * {@code 2·K·K·Cin·Cout·H·W} FLOPs forward, a dense layer {@code 2·in·out}. Bias adds, activations, pooling and the
 * loss are left out (under 1 % for the article's CNN). One training step costs forward + backward ≈ 3 × forward:
 * the backward pass computes the input gradient and the weight gradient, each as many multiply-adds as the forward
 * pass.
 *
 * @param layers the counted layers, in network order
 */
record NetworkFlops(List<LayerFlops> layers) {

    /** Backward pass ≈ 2 × forward, so a training step is 3 × forward. */
    static final int TRAINING_FACTOR = 3;

    /** FLOPs of one layer: its name and forward FLOPs per image. */
    record LayerFlops(String name, long forward) {
    }

    /** Counts the convolutions and dense layers of a configuration fed with {@code input}. */
    static NetworkFlops of(MultiLayerConfiguration configuration, InputType input) {
        List<InputType> outputs = configuration.getLayerActivationTypes(input);
        List<LayerFlops> counted = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Layer layer = configuration.getConf(i).getLayer();
            long flops = forward(layer, outputs.get(i));
            if (flops > 0) {
                counted.add(new LayerFlops(layer.getLayerName() == null ? "layer" + i : layer.getLayerName(), flops));
            }
        }
        return new NetworkFlops(List.copyOf(counted));
    }

    /** Forward FLOPs of one image. */
    long forwardPerImage() {
        return layers.stream().mapToLong(LayerFlops::forward).sum();
    }

    /** FLOPs of one image in a training step (forward + backward). */
    long trainingPerImage() {
        return TRAINING_FACTOR * forwardPerImage();
    }

    /** Forward FLOPs of a plain 2-D convolution: 2·K·K·Cin·Cout·H·W. */
    static long convolution(int kernel, long inChannels, long outChannels, long outHeight, long outWidth) {
        return 2L * kernel * kernel * inChannels * outChannels * outHeight * outWidth;
    }

    /** Forward FLOPs of a dense layer: 2·in·out. */
    static long dense(long in, long out) {
        return 2L * in * out;
    }

    private static long forward(Layer layer, InputType output) {
        if (layer instanceof ConvolutionLayer conv) {
            return convolutionLayer(conv, (InputType.InputTypeConvolutional) output);
        }
        if (layer instanceof FeedForwardLayer dense) {
            return dense(dense.getNIn(), dense.getNOut());
        }
        if (layer instanceof SubsamplingLayer) {
            return 0;
        }
        throw new IllegalArgumentException("Cannot count the FLOPs of " + layer.getClass().getSimpleName()
                + ": only convolution, dense, output and pooling layers are counted.");
    }

    private static long convolutionLayer(ConvolutionLayer conv, InputType.InputTypeConvolutional output) {
        int[] kernel = conv.getKernelSize();
        boolean plain = conv.getClass() == ConvolutionLayer.class || conv instanceof ChannelsLastConvolution;
        if (!plain || kernel[0] != kernel[1] || conv.getDilation()[0] != 1 || conv.getDilation()[1] != 1) {
            throw new IllegalArgumentException("Cannot count the FLOPs of " + conv.getClass().getSimpleName() + " "
                    + conv.getLayerName() + ": only undilated 2-D convolutions with square kernels are counted.");
        }
        return convolution(kernel[0], conv.getNIn(), conv.getNOut(), output.getHeight(), output.getWidth());
    }
}
