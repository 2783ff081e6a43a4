package org.quantcourse.calibration;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What happens to the activation at one site of {@link SiteForward}: recorded, fake-quantized, or passed on.
 * Must not modify its argument; returns the array the forward pass continues with. Used in notebook 08.
 */
@FunctionalInterface
public interface SiteHook {

    /** The activation to continue with at {@code site} (0 = network input, i + 1 = output of layer i). */
    INDArray at(int site, INDArray activation);

    /** Passes every activation on unchanged. */
    static SiteHook identity() {
        return (site, activation) -> activation;
    }
}
