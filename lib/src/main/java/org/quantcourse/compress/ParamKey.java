package org.quantcourse.compress;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which parameter of which layer, e.g. layer 0's weight "W" or a BatchNormalization's "gamma"; printed as
 * {@code 0/W}. Used in notebook 01.
 */
public record ParamKey(int layer, String param) {

    /** Checks the layer index is not negative and the parameter is named. */
    public ParamKey {
        if (layer < 0 || param == null || param.isBlank()) {
            throw new IllegalArgumentException("A parameter key needs a layer index >= 0 and a parameter name such"
                    + " as \"W\", but got layer " + layer + ", param " + param);
        }
    }

    /** The parameter's values in {@code net} (a view: changing it changes the network). */
    public INDArray valueIn(MultiLayerNetwork net) {
        if (layer >= net.getnLayers() || !net.getLayer(layer).paramTable().containsKey(param)) {
            throw new IllegalArgumentException("The network has no parameter " + this + ": it has "
                    + net.getnLayers() + " layers" + (layer < net.getnLayers() ? " and layer " + layer + " has "
                    + net.getLayer(layer).paramTable().keySet() : ""));
        }
        return net.getLayer(layer).getParam(param);
    }

    @Override
    public String toString() {
        return layer + "/" + param;
    }
}
