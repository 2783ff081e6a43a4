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
 * The article's {@code quantize(model, bit)}, in the only form that runs, so that notebook 01 can measure it. The
 * article's code, verbatim (shared reference {@code example-code.py}; notebook 01 quotes the whole listing):
 *
 * <pre>
 * def quantize(model, bit):
 *     for name, module in model.named_modules():
 *         if isinstance(module, nn.Conv2d) or isinstance(module, nn.Linear):
 *             weight = module.weight.data
 *             weight = (weight / 255.0) * 2**bit
 *             weight = torch.round(weight).to(torch.int)
 *             weight = weight.clamp_(0, 255).to(torch.uint8)
 *             module.weight = nn.Parameter(weight)
 *         elif isinstance(module, nn.BatchNorm2d):
 *             (the same four lines for module.weight, then for module.bias)
 *
 * quantized_net = quantize(net, 8)
 * </pre>
 *
 * <p>As written it does not run: {@code nn.Parameter} of a uint8 tensor raises "Only Tensors of floating point and
 * complex dtype can require gradients"; with {@code requires_grad=False} the function returns {@code None}, so
 * {@code quantized_net(inputs)} raises "'NoneType' object is not callable"; and the modified {@code net} itself
 * fails with a Float/Byte type mismatch between input and weight. ({@code reference/article_in_pytorch.py} shows
 * each failure.) This class is the <b>float-cast idealization</b>: the uint8 codes cast back to float32 and used
 * directly as the weights, {@code w <- float(clamp(round((w / 255) * 2^bit), 0, 255))} with round half to even like
 * {@code torch.round}, applied to the weight ("W") of every convolution and dense layer and to BatchNormalization's
 * gamma and beta ({@code nn.BatchNorm2d}'s weight and bias); other biases and BatchNorm's running statistics are
 * left alone. Its bugs, each visible in notebook 01:
 *
 * <ol>
 *   <li><b>No scale from the data.</b> It divides by 255, the largest uint8 code, as if weights were already in
 *       {@code [0, 255]}. A weight survives rounding only if {@code w > 127.5 / 2^bit}: above 0.498 at 8 bits,
 *       above 0.996 at 7 bits, above 31.9 at 2 bits. Trained weights are mostly inside {@code [-0.5, 0.5]}, so
 *       almost all of them round to 0.
 *   <li><b>Negative weights are clamped to 0.</b> {@code clamp_(0, 255)} is the unsigned code range, but there is
 *       no zero-point: the negative weights are lost whatever the bit width.
 *   <li><b>No dequantization.</b> Codes are used as weights; even correct codes would be off by the missing scale.
 *   <li><b>The bit width does not set the number of levels.</b> {@code 2^bit} only multiplies; the clamp is always
 *       255, so the code range never depends on it.
 *   <li><b>BatchNorm is quantized too</b>: a gamma near 1 becomes 0 at 6 bits and below (1 at 7 and 8 bits), and a
 *       negative beta becomes 0. (The article's CNN has no BatchNorm.)
 *   <li><b>No size gain here.</b> The float cast undoes the uint8 storage; nothing is packed.
 *   <li><b>In place, no way back.</b> The model is overwritten and the function returns nothing
 *       ({@link #applyInPlace} is {@code void} too; {@link #apply} works on a copy).
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

    /** The parameters the article's quantize changes in {@code net}, e.g. 0/W, 2/gamma, 2/beta. */
    public static List<ParamKey> affectedParams(MultiLayerNetwork net) {
        checkNetwork(net);
        List<ParamKey> names = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            for (String key : net.getLayer(i).paramTable().keySet()) {
                if (isWeight(conf, key)) {
                    names.add(new ParamKey(i, key));
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
            return key.equals(BatchNormalizationParamInitializer.GAMMA)
                    || key.equals(BatchNormalizationParamInitializer.BETA);
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
