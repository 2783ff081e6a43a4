package org.quantcourse.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The article's {@code quantize(model, bits)} reproduced exactly, so that notebook 01 can run it and show why it
 * fails. The article's code, in PyTorch:
 *
 * <pre>
 * def quantize(model, bits):
 *     for name, p in model.named_parameters():
 *         if 'weight' in name:
 *             p.data = torch.clamp(torch.round(p.data / 255 * 2**bits), 0, 255)
 * </pre>
 *
 * <p>Here: every weight parameter ("W" of any layer, and BatchNormalization's "gamma", which PyTorch names
 * {@code bn.weight}) becomes {@code clamp(rint((w / 255f) * 2^bits), 0, 255)} in float32, with round half to
 * even like {@code torch.round}; biases, BatchNorm's beta and its running statistics (PyTorch buffers, not
 * parameters) are left alone; the result is used directly as the weights. Its bugs, each visible in notebook 01:
 *
 * <ol>
 *   <li><b>No scale from the data.</b> It divides by 255, the largest uint8 code, as if weights were already in
 *       {@code [0, 255]}. A weight survives rounding only if {@code w > 127.5 / 2^bits}: above 0.5 at 8 bits, above
 *       1.0 at 7 bits, above 32 at 2 bits. Trained weights are mostly inside {@code [-0.5, 0.5]}, so almost all
 *       of them round to 0.
 *   <li><b>Negative weights are clamped to 0.</b> {@code clamp(.., 0, 255)} is the unsigned code range, but there
 *       is no zero-point: half of the weights (the negative ones) are lost whatever the bit width.
 *   <li><b>No dequantization.</b> Codes are used as weights; even correct codes would be off by the missing scale.
 *   <li><b>The bit width does not set the number of levels.</b> {@code 2^bits} only multiplies; the clamp is
 *       always 255 whatever the bit width, so the code range never depends on it; {@code bits} only rescales.
 *   <li><b>BatchNorm gamma is quantized too</b> ({@code 'weight' in 'bn.weight'}): a gamma near 1 becomes 0 at
 *       6 bits and below (1 at 7 and 8 bits), and then BatchNorm outputs only beta. (The article's CNN has no
 *       BatchNorm; a network with BatchNorm would be hit by this as well.)
 *   <li><b>No size gain.</b> The values stay float32 tensors; nothing is packed.
 *   <li><b>In place, no way back.</b> The model is overwritten and the function returns nothing.
 * </ol>
 *
 * <p>The net effect on a trained CNN: every weight is 0 (or a small positive integer), the output is constant,
 * and accuracy falls to that of always predicting one class (about 10% on MNIST) at every bit width.
 */
public final class ArticleQuantizer {
    private ArticleQuantizer() {}

    /** A copy of {@code net} with the article's quantize applied; {@code net} is left untouched. */
    public static MultiLayerNetwork apply(MultiLayerNetwork net, int bits) {
        checkNetwork(net);
        MultiLayerNetwork copy = net.clone();
        applyInPlace(copy, bits);
        return copy;
    }

    /** The article's quantize applied to {@code net} itself, overwriting its weights (as the article does). */
    public static void applyInPlace(MultiLayerNetwork net, int bits) {
        checkNetwork(net);
        checkBits(bits);
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            for (Map.Entry<String, INDArray> p : net.getLayer(i).paramTable().entrySet()) {
                if (isWeight(conf, p.getKey())) {
                    net.getLayer(i).setParam(p.getKey(), quantize(p.getValue(), bits));
                }
            }
        }
    }

    /** The names "layer/param" the article's quantize changes in {@code net}, e.g. "0/W", "2/gamma". */
    public static List<String> affectedParams(MultiLayerNetwork net) {
        checkNetwork(net);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            for (String key : net.getLayer(i).paramTable().keySet()) {
                if (isWeight(conf, key)) {
                    names.add(i + "/" + key);
                }
            }
        }
        return names;
    }

    /** The article's formula on a tensor: {@code clamp(rint((w / 255f) * 2^bits), 0, 255)}, a new FLOAT array. */
    public static INDArray quantize(INDArray w, int bits) {
        checkBits(bits);
        float[] v = w.castTo(DataType.FLOAT).dup('c').reshape(w.length()).toFloatVector();
        for (int i = 0; i < v.length; i++) {
            v[i] = quantize(v[i], bits);
        }
        return Nd4j.create(v, w.shape(), 'c');
    }

    /** The article's formula on one value: {@code clamp(rint((w / 255f) * 2^bits), 0, 255)} in float32. */
    public static float quantize(float w, int bits) {
        checkBits(bits);
        float v = (float) Math.rint((w / 255f) * (float) (1 << bits));
        return Math.max(0f, Math.min(255f, v));
    }

    private static boolean isWeight(Layer conf, String key) {
        if (conf instanceof BatchNormalization) {
            return key.equals(BatchNormalizationParamInitializer.GAMMA);
        }
        return conf.initializer().isWeightParam(conf, key);
    }

    private static void checkBits(int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException(bits + " bits is out of range: the article's quantize is run with"
                    + " 1..16 bits here");
        }
    }

    private static void checkNetwork(MultiLayerNetwork net) {
        if (net == null || net.params() == null || net.getLayers() == null) {
            throw new IllegalArgumentException("need an initialized network: call net.init() (or train it) first");
        }
    }
}
