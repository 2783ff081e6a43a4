package org.quantcourse.integer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Post-training static quantization of a DL4J CNN (convolutions 3×3-style with stride 1 and no padding, average
 * pooling, dense layers; ReLU or none, softmax at the end) into a {@link QuantizedModel}: int8 symmetric
 * per-output-channel weights, int32 biases {@code q_b = round(b / (s_w[o] s_x))}, uint8 activations whose ranges
 * are calibrated with {@link ActivationRanges#minMax} on a calibration set. The final softmax is left out: the
 * model ends with the logits. Used in notebooks 09, 10.
 */
public final class StaticQuantizer {

    private StaticQuantizer() {
    }

    /** Calibrates on {@code calibrationImages} (NCHW, e.g. training images) and quantizes {@code net}. */
    public static QuantizedModel quantize(MultiLayerNetwork net, INDArray calibrationImages) {
        return quantize(net, ActivationRanges.minMax(net, calibrationImages), calibrationImages.shape());
    }

    /** Quantizes {@code net} with given activation ranges for NCHW inputs of {@code inputShape [n, c, h, w]}. */
    public static QuantizedModel quantize(MultiLayerNetwork net, ActivationRanges ranges, long[] inputShape) {
        int[] map = {(int) inputShape[2], (int) inputShape[3], (int) inputShape[1]}; // h, w, c
        List<QuantizedLayer> layers = new ArrayList<>();
        ActivationQuant quant = ranges.quant(0);
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            String name = conf.getLayerName() == null ? "layer" + i : conf.getLayerName();
            if (conf instanceof ConvolutionLayer c) {
                QuantizedConv layer = conv(name, c, net.getLayer(i).getParam("W"), net.getLayer(i).getParam("b"),
                        map, quant, ranges.quant(i + 1));
                map = new int[] {layer.outHeight(), layer.outWidth(), layer.outChannels()};
                layers.add(layer);
            } else if (conf instanceof SubsamplingLayer s) {
                QuantizedAvgPool layer = pool(name, s, map, quant);
                map = new int[] {layer.outHeight(), layer.outWidth(), map[2]};
                layers.add(layer);
            } else if (conf instanceof FeedForwardLayer d) {
                if (map != null) {
                    layers.add(new QuantizedFlatten("flatten", map[0], map[1], map[2], quant));
                    map = null;
                }
                layers.add(dense(name, d, net.getLayer(i).getParam("W"), net.getLayer(i).getParam("b"), quant,
                        ranges.quant(i + 1)));
            } else {
                throw new IllegalArgumentException("layer " + name + " (" + conf.getClass().getSimpleName()
                        + ") is not supported: only convolution, average pooling and dense layers are");
            }
            quant = layers.get(layers.size() - 1).output();
        }
        return new QuantizedModel((int) inputShape[2], (int) inputShape[3], (int) inputShape[1], layers);
    }

    private static QuantizedConv conv(String name, ConvolutionLayer c, INDArray w, INDArray b, int[] map,
            ActivationQuant in, ActivationQuant out) {
        int k = c.getKernelSize()[0];
        boolean plain = c.getKernelSize()[1] == k && c.getStride()[0] == 1 && c.getStride()[1] == 1
                && c.getPadding()[0] == 0 && c.getPadding()[1] == 0 && c.getDilation()[0] == 1
                && c.getDilation()[1] == 1 && c.getConvolutionMode() != ConvolutionMode.Same;
        if (!plain) {
            throw new IllegalArgumentException("convolution " + name + " must have a square kernel, stride 1, no"
                    + " padding and no dilation to be quantized here");
        }
        QuantizedWeights weights = QuantizedWeights.symmetricPerChannel(ohwiRows(w));
        return new QuantizedConv(name, map[0], map[1], map[2], k, weights, biasCodes(b, weights, in), in, out,
                isRelu(name, c, false));
    }

    private static QuantizedAvgPool pool(String name, SubsamplingLayer s, int[] map, ActivationQuant quant) {
        int k = s.getKernelSize()[0];
        if (s.getPoolingType() != PoolingType.AVG || s.getKernelSize()[1] != k || s.getStride()[0] != k
                || s.getStride()[1] != k || s.getPadding()[0] != 0 || s.getPadding()[1] != 0) {
            throw new IllegalArgumentException("pooling " + name + " must be average pooling with a square window"
                    + " equal to its stride and no padding");
        }
        return new QuantizedAvgPool(name, map[0], map[1], map[2], k, quant);
    }

    private static QuantizedDense dense(String name, FeedForwardLayer d, INDArray w, INDArray b, ActivationQuant in,
            ActivationQuant out) {
        QuantizedWeights weights = QuantizedWeights.symmetricPerChannel(w.transpose().toFloatMatrix());
        boolean relu = isRelu(name, (BaseLayer) d, d instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer);
        return new QuantizedDense(name, weights, biasCodes(b, weights, in), in, out, relu);
    }

    /** Conv weights {@code [O, I, kh, kw]} (DL4J) as rows in (ky, kx, c) order, matching NHWC patches. */
    static float[][] ohwiRows(INDArray w) {
        return w.permute(0, 2, 3, 1).dup('c').reshape('c', w.size(0), w.size(1) * w.size(2) * w.size(3))
                .toFloatMatrix();
    }

    /** {@code round(b[o] / (s_w[o] s_x))}, clamped to int32. */
    static int[] biasCodes(INDArray b, QuantizedWeights weights, ActivationQuant in) {
        float[] bias = b.dup('c').reshape(b.length()).toFloatVector();
        float[] scales = weights.scales();
        int[] codes = new int[bias.length];
        for (int o = 0; o < codes.length; o++) {
            long q = ActivationQuant.roundHalfAway(bias[o] / ((double) scales[o] * in.scale()));
            codes[o] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q));
        }
        return codes;
    }

    private static boolean isRelu(String name, BaseLayer layer, boolean outputLayer) {
        IActivation a = layer.getActivationFn();
        if (a instanceof ActivationReLU) {
            return true;
        }
        if (a instanceof ActivationIdentity || (outputLayer && a instanceof ActivationSoftmax)) {
            return false;
        }
        throw new IllegalArgumentException("layer " + name + " has activation " + a + ": only ReLU, identity and a"
                + " final softmax can be quantized here");
    }
}
