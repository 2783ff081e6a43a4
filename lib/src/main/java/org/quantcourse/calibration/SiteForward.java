package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward pass of a {@link MultiLayerNetwork} written out layer by layer (inference mode) with a hook at every
 * activation site, so that activations can be recorded or fake-quantized between layers. Used in notebook 08.
 *
 * <p>Sites: 0 is the network input; site {@code i + 1} is the output of layer {@code i} (after its activation
 * function, e.g. ReLU), except for a final dense {@link OutputLayer}, whose site is its logits
 * {@code z = a W + b} before the softmax (the value an integer engine requantizes; the softmax stays FP32).
 * Pre-processors run between sites as in the network. With {@link SiteHook#identity()} the result is the
 * network's own {@code output(x)}.
 */
public final class SiteForward {
    private SiteForward() {}

    /** Number of sites: one for the input and one per layer. */
    public static int siteCount(MultiLayerNetwork net) {
        return net.getnLayers() + 1;
    }

    /** Site names: {@code "input"}, then each layer's name ({@code "<name> logits"} for the output layer). */
    public static List<String> siteNames(MultiLayerNetwork net) {
        List<String> names = new ArrayList<>(List.of("input"));
        for (int i = 0; i < net.getnLayers(); i++) {
            String name = net.getLayer(i).conf().getLayer().getLayerName();
            name = name == null ? "layer " + i : name;
            names.add(isDenseOutput(net, i) ? name + " logits" : name);
        }
        return names;
    }

    /** The network's output for {@code input} with {@code hook} applied at every site. */
    public static INDArray output(MultiLayerNetwork net, INDArray input, SiteHook hook) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        INDArray a = hook.at(0, input);
        for (int i = 0; i < net.getnLayers(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                a = pre.preProcess(a, (int) a.size(0), LayerWorkspaceMgr.noWorkspaces());
            }
            Layer layer = net.getLayer(i);
            if (isDenseOutput(net, i)) {
                INDArray logits = hook.at(i + 1, a.mmul(layer.getParam("W")).addiRowVector(layer.getParam("b")));
                return ((OutputLayer) layer.conf().getLayer()).getActivationFn().getActivation(logits.dup(), false);
            }
            a = hook.at(i + 1, layer.activate(a, false, LayerWorkspaceMgr.noWorkspaces()));
        }
        return a;
    }

    private static boolean isDenseOutput(MultiLayerNetwork net, int i) {
        Layer layer = net.getLayer(i);
        return i == net.getnLayers() - 1 && layer.conf().getLayer() instanceof OutputLayer
                && layer.getParam("W") != null && layer.getParam("b") != null;
    }
}
