package org.quantcourse.qat;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The DL4J listener that completes the straight-through estimator: after DL4J has computed the weight gradients
 * at the projected weights and before the updater applies them, it hands each layer's {@code ∂L/∂ŵ} to that
 * layer's {@link QatWeights#afterGradient} (clipped STE masks it, LSQ learns its steps from it). A QAT network
 * gets one from {@link QatNetwork#prepare}; a network reloaded from disk needs {@link #attachTo} before more
 * training.
 */
public final class QatGradients extends BaseTrainingListener {

    private QatGradients() {
    }

    /** Adds the listener to {@code net} unless it has one already; returns {@code net}. */
    public static MultiLayerNetwork attachTo(MultiLayerNetwork net) {
        boolean attached = net.getListeners() != null
                && net.getListeners().stream().anyMatch(QatGradients.class::isInstance);
        if (!attached) {
            net.addListeners(new QatGradients());
        }
        return net;
    }

    /**
     * The weight gradient DL4J computes for layer {@code layer} of {@code net} on {@code batch} (a sum over the
     * batch), before any estimator mask: for a QAT network that is {@code ∂L/∂ŵ}, the gradient at the projected
     * weights.
     */
    public static INDArray weightGradient(MultiLayerNetwork net, int layer, DataSet batch) {
        if (layer < 0 || layer >= net.getnLayers() || net.getLayer(layer).getParam(QatWeights.WEIGHT_KEY) == null) {
            throw new IllegalArgumentException("layer " + layer + " has no weights; give the index of a"
                    + " convolution or dense layer (see QatNetwork.summary)");
        }
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().getGradientFor(layer + "_" + QatWeights.WEIGHT_KEY).dup();
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            apply(net, net.gradient());
        }
    }

    /** Applies every layer's estimator to {@code gradient} (of {@code net}, keys "i_W") in place. */
    static void apply(MultiLayerNetwork net, Gradient gradient) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).conf().getLayer() instanceof BaseLayer conf
                    && conf.getWeightNoise() instanceof QatWeights weights) {
                INDArray g = gradient.getGradientFor(i + "_" + QatWeights.WEIGHT_KEY);
                if (g != null) {
                    weights.afterGradient(net.getLayer(i).getParam(QatWeights.WEIGHT_KEY), g);
                }
            }
        }
    }
}
