package org.quantcourse.gd;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How one gradient becomes one parameter change; may keep state such as a velocity. Used in notebook 03.
 *
 * <p>As in DL4J, the rule returns the <em>update</em> that is subtracted: {@code params ← params − update}.
 */
public interface UpdateRule {

    /** The update to subtract from the parameters for this batch-mean gradient at this iteration and epoch. */
    INDArray update(INDArray gradient, int iteration, int epoch);
}
