package org.quantcourse.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weight tensors "W" of a network's convolution, dense and output layers with their output-channel axis
 * (0 for DL4J conv weights {@code [out, in, kh, kw]}, 1 for dense weights {@code [nIn, nOut]}), and copies of the
 * network with replaced weights. Biases and other parameters are left as they are. Used in notebooks 07 and 08.
 */
public final class NetworkWeights {
    private NetworkWeights() {}

    /**
     * One weight tensor.
     *
     * @param layer the layer index
     * @param layerName the layer's name
     * @param values the weights (the network's own array: do not modify)
     * @param channelAxis the output-channel axis
     */
    public record Weight(int layer, String layerName, INDArray values, int channelAxis) {}

    /** The weights of every conv, dense and output layer, in layer order. */
    public static List<Weight> of(MultiLayerNetwork net) {
        if (net == null || net.params() == null) {
            throw new IllegalArgumentException("the network is null or not initialized: call net.init() first");
        }
        List<Weight> weights = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            int axis = channelAxis(layer.conf().getLayer());
            if (axis >= 0 && layer.paramTable().containsKey("W")) {
                weights.add(new Weight(i, layer.conf().getLayer().getLayerName(), layer.getParam("W"), axis));
            }
        }
        return weights;
    }

    /** A copy of {@code net} whose weights are {@code replace(weight)}; the original network is untouched. */
    public static MultiLayerNetwork withWeights(MultiLayerNetwork net, Function<Weight, INDArray> replace) {
        MultiLayerNetwork copy = net.clone();
        for (Weight w : of(net)) {
            INDArray replaced = replace.apply(w);
            if (!Arrays.equals(replaced.shape(), w.values().shape())) {
                throw new IllegalArgumentException("the replacement for the weights of layer " + w.layer() + " has shape "
                        + Arrays.toString(replaced.shape()) + " instead of "
                        + Arrays.toString(w.values().shape()));
            }
            copy.getLayer(w.layer()).setParam("W", replaced.castTo(w.values().dataType()));
        }
        return copy;
    }

    /** All weights of the network concatenated in layer order (C order within a tensor). */
    public static float[] flattened(MultiLayerNetwork net) {
        List<Weight> weights = of(net);
        long total = weights.stream().mapToLong(w -> w.values().length()).sum();
        float[] out = new float[Math.toIntExact(total)];
        int at = 0;
        for (Weight w : weights) {
            float[] v = w.values().dup('c').reshape(w.values().length()).toFloatVector();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** 0 for convolutions with the {@code [out, in, kh, kw]} layout, 1 for dense and output layers, else -1. */
    private static int channelAxis(org.deeplearning4j.nn.conf.layers.Layer conf) {
        boolean otherLayout = conf instanceof Deconvolution2D || conf instanceof DepthwiseConvolution2D
                || conf instanceof SeparableConvolution2D || conf instanceof Convolution3D;
        if (conf instanceof ConvolutionLayer && !otherLayout) {
            return 0;
        }
        return conf instanceof DenseLayer || conf instanceof OutputLayer ? 1 : -1;
    }
}
