package org.quantcourse.train;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.quantcourse.dl4jfix.ChannelsFirstFlatten;

/** Works out, from a configuration alone, the input a network expects (DL4J does not store it). */
final class InputShapes {

    private InputShapes() {
    }

    /** The expected input: NCHW image type for a conv net that flattens into dense layers, else a vector type. */
    static InputType expected(MultiLayerConfiguration conf) {
        int flatten = firstFlatten(conf);
        if (flatten < 0) {
            return InputType.feedForward(((FeedForwardLayer) conf.getConf(0).getLayer()).getNIn());
        }
        long[] flattened = flattenedShape(conf.getInputPreProcess(flatten));
        long height = flattened[0];
        long width = flattened[1];
        for (int i = flatten - 1; i >= 0; i--) {
            Window window = Window.of(conf.getConf(i).getLayer());
            if (window != null) {
                height = window.inputSize(height, 0);
                width = window.inputSize(width, 1);
            }
        }
        return InputType.convolutional(height, width, firstChannels(conf, flattened[2]));
    }

    /** The per-example shape of an input type, channels first whatever its layout, e.g. [1, 28, 28] or [784]. */
    static long[] perExample(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional image) {
            return new long[] {image.getChannels(), image.getHeight(), image.getWidth()};
        }
        long[] shape = type.getShape(false);
        return shape.length > 0 && shape[0] < 0 ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
    }

    private static int firstFlatten(MultiLayerConfiguration conf) {
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre instanceof CnnToFeedForwardPreProcessor || pre instanceof ChannelsFirstFlatten) {
                return i;
            }
        }
        return -1;
    }

    private static long[] flattenedShape(InputPreProcessor pre) {
        if (pre instanceof ChannelsFirstFlatten f) {
            return new long[] {f.getHeight(), f.getWidth(), f.getChannels()};
        }
        CnnToFeedForwardPreProcessor c = (CnnToFeedForwardPreProcessor) pre;
        return new long[] {c.getInputHeight(), c.getInputWidth(), c.getNumChannels()};
    }

    private static long firstChannels(MultiLayerConfiguration conf, long flattenedChannels) {
        for (int i = 0; i < conf.getConfs().size(); i++) {
            if (conf.getConf(i).getLayer() instanceof ConvolutionLayer conv) {
                return conv.getNIn();
            }
        }
        return flattenedChannels;
    }

    /** Kernel, stride, padding and dilation of a sliding-window layer. */
    private record Window(int[] kernel, int[] stride, int[] padding, int[] dilation, ConvolutionMode mode) {

        static Window of(Layer layer) {
            if (layer instanceof ConvolutionLayer c) {
                return new Window(c.getKernelSize(), c.getStride(), c.getPadding(), c.getDilation(),
                        c.getConvolutionMode());
            }
            if (layer instanceof SubsamplingLayer s) {
                return new Window(s.getKernelSize(), s.getStride(), s.getPadding(), s.getDilation(),
                        s.getConvolutionMode());
            }
            return null;
        }

        long inputSize(long output, int axis) {
            if (mode == ConvolutionMode.Same) {
                return output * stride[axis];
            }
            int effectiveKernel = kernel[axis] + (kernel[axis] - 1) * (dilation[axis] - 1);
            return (output - 1) * stride[axis] + effectiveKernel - 2L * padding[axis];
        }
    }
}
