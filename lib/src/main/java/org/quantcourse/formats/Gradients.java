package org.quantcourse.formats;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The gradient of a network's loss with respect to all its parameters on one batch, computed on a copy so that the
 * network itself is untouched. Used in notebook 07 to see which formats can hold gradients.
 */
public final class Gradients {
    private Gradients() {}

    /** Every parameter's gradient {@code dL/dθ} for {@code batch} (the loss averaged over the batch), flattened. */
    public static float[] of(MultiLayerNetwork net, DataSet batch) {
        if (net == null || net.params() == null || batch == null || batch.getFeatures() == null
                || batch.getLabels() == null) {
            throw new IllegalArgumentException("give an initialized network and a batch with features and labels");
        }
        MultiLayerNetwork copy = net.clone();
        copy.setInput(batch.getFeatures());
        copy.setLabels(batch.getLabels());
        copy.computeGradientAndScore();
        return copy.gradient().gradient().dup().reshape(copy.numParams()).toFloatVector();
    }
}
