package org.quantcourse.compress;

import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;

/**
 * Where the output channel is in a DL4J weight "W", which decides the per-channel axis. Used in notebook 05.
 *
 * <ul>
 *   <li>{@link #CONV}: {@code ConvolutionLayer} weights are {@code [out, in, kh, kw]}: output channel on axis 0;
 *       groups run over the flattened {@code in*kh*kw} of each output channel.
 *   <li>{@link #DENSE}: {@code DenseLayer} and {@code OutputLayer} weights are {@code [nIn, nOut]} (the transpose
 *       of PyTorch's {@code [out, in]}): output channel on axis 1; groups run along the input, axis 0.
 * </ul>
 */
public enum WeightLayout {
    /** {@code [out, in, kh, kw]}: output axis 0. */
    CONV(0),
    /** {@code [nIn, nOut]}: output axis 1. */
    DENSE(1);

    private final int outputAxis;

    WeightLayout(int outputAxis) {
        this.outputAxis = outputAxis;
    }

    /** The axis of the output channel: 0 for conv, 1 for dense. */
    public int outputAxis() {
        return outputAxis;
    }

    /**
     * The layout of a layer's "W", or empty for layers this library does not quantize (their parameters stay
     * FP32): 2-D and 1-D convolutions (including subclasses that keep their weight layout, such as the course's
     * channels-last convolution), dense and output layers are supported; deconvolution, depthwise, separable and
     * 3-D convolutions (other layouts) are not.
     */
    public static Optional<WeightLayout> of(Layer layer) {
        Class<?> c = layer == null ? Void.class : layer.getClass();
        if (layer instanceof ConvolutionLayer && !hasOtherWeightLayout(layer)) {
            return Optional.of(CONV);
        }
        if (c == DenseLayer.class || c == OutputLayer.class) {
            return Optional.of(DENSE);
        }
        return Optional.empty();
    }

    private static boolean hasOtherWeightLayout(Layer layer) {
        return layer instanceof Deconvolution2D || layer instanceof DepthwiseConvolution2D
                || layer instanceof SeparableConvolution2D || layer instanceof Convolution3D
                || layer instanceof Deconvolution3D;
    }
}
