package org.quantcourse.quant;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Estimates a quantization range from the tensors it is shown (weights once, or activations over calibration
 * batches) and turns it into {@link QuantParams} for its quantizer.
 *
 * <pre>{@code
 * Observer obs = MinMaxObserver.of(Quantizer.asymmetric(8));
 * for (INDArray batch : calibration) obs.observe(batch);
 * QuantParams p = obs.params();
 * }</pre>
 */
public interface Observer {

    /** Records the range of one tensor or batch; returns this observer. */
    Observer observe(INDArray x);

    /** Records the range of a 1-D tensor; returns this observer. */
    Observer observe(float[] x);

    /** The parameters for what was observed so far; fails if nothing was observed. */
    QuantParams params();

    /** The quantizer whose scheme, bits and granularity the parameters are for. */
    Quantizer quantizer();

    /** How many tensors were observed. */
    int batches();
}
