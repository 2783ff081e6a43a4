package org.quantcourse.qat;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A weight projection for training with low-bit weights, plugged into DL4J's {@link IWeightNoise} hook: in the
 * forward pass the layer computes with {@code ŵ = project(w)} instead of its float weights {@code w}; DL4J then
 * computes the weight gradient at {@code ŵ} and applies it to {@code w} — the straight-through estimator. Before the
 * update, {@link QatGradients} calls {@link #afterGradient} so that a projection can zero the gradient where it
 * clips (clipped STE) or learn its own parameters (LSQ). Biases stay FP32. Used in notebooks 11 and 12.
 */
public interface QatWeights extends IWeightNoise {

    /** The key of a DL4J layer's weights (convolution, dense and output layers). */
    String WEIGHT_KEY = "W";

    /** The weights the layer computes with; same shape as {@code weights}. */
    INDArray project(INDArray weights);

    /** The straight-through estimator's mask for the weight gradient: 1 where it passes, 0 where it is cut. */
    INDArray gradientMask(INDArray weights);

    /** A short description for tables, e.g. "4-bit symmetric per channel, clipped STE". */
    String describe();

    /** Applies the estimator to the weight gradient {@code gradient = ∂L/∂ŵ} in place (before the update). */
    default void afterGradient(INDArray weights, INDArray gradient) {
        gradient.muli(gradientMask(weights));
    }

    /** DL4J's hook: the projected weights for {@link #WEIGHT_KEY}, every other parameter unchanged. */
    @Override
    default INDArray getParameter(Layer layer, String paramKey, int iteration, int epoch, boolean train,
            LayerWorkspaceMgr workspaceMgr) {
        INDArray param = layer.getParam(paramKey);
        return WEIGHT_KEY.equals(paramKey) ? project(param) : param;
    }

    @Override
    QatWeights clone();
}
