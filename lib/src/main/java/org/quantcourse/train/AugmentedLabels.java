package org.quantcourse.train;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A DL4J loss function whose labels are the one-hot classes followed by columns of its own, e.g. a teacher's logits
 * for distillation: {@link Trainer} then checks the one-hot part and the width, and the loss reads the rest. Used in
 * notebook 13.
 */
public interface AugmentedLabels {

    /** Columns of a label row for a network with {@code classes} outputs. */
    long labelColumns(long classes);

    /** Label columns {@code net}'s output layer expects: {@code classes} unless its loss is augmented. */
    static long columns(MultiLayerNetwork net, long classes) {
        if (net.getLayer(net.getnLayers() - 1).conf().getLayer() instanceof BaseOutputLayer output
                && output.getLossFn() instanceof AugmentedLabels augmented) {
            return augmented.labelColumns(classes);
        }
        return classes;
    }
}
