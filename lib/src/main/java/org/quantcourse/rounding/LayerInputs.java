package org.quantcourse.rounding;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.compress.WeightLayout;

/** What a dense layer of a network sees: its input rows {@code X [n, nIn]} for given network inputs. */
public final class LayerInputs {
    private LayerInputs() {}

    /** The inputs of dense layer {@code layer} for {@code features}, after its input preprocessor (FP32 network). */
    public static INDArray of(MultiLayerNetwork net, int layer, INDArray features) {
        if (net == null || features == null) {
            throw new IllegalArgumentException("network and features must not be null");
        }
        if (layer < 0 || layer >= net.getnLayers()
                || WeightLayout.of(net.getLayer(layer).conf().getLayer()).orElse(null) != WeightLayout.DENSE) {
            throw new IllegalArgumentException("layer " + layer + " is not a dense or output layer of this network"
                    + " (it has " + net.getnLayers() + " layers): learned rounding here is for dense layers");
        }
        INDArray a = layer == 0 ? features : net.feedForwardToLayer(layer - 1, features, false).get(layer);
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(layer);
        if (pre != null) {
            a = pre.preProcess(a, (int) a.size(0), LayerWorkspaceMgr.noWorkspaces());
        }
        INDArray x = a.castTo(DataType.FLOAT).reshape(a.size(0), a.length() / a.size(0));
        long nIn = net.getLayer(layer).getParam("W").size(0);
        if (x.size(1) != nIn) {
            throw new IllegalStateException("layer " + layer + " expects " + nIn + " inputs but got shape "
                    + Arrays.toString(a.shape()));
        }
        return x;
    }

    /** The mean squared output error {@code mean((X Ŵ − X W)²)} of a weight {@code approx} against {@code exact}. */
    public static double outputMse(INDArray inputs, INDArray exact, INDArray approx) {
        INDArray x = inputs.castTo(DataType.FLOAT);
        INDArray error = x.mmul(approx.castTo(DataType.FLOAT).sub(exact.castTo(DataType.FLOAT)));
        return error.mul(error).meanNumber().doubleValue();
    }
}
