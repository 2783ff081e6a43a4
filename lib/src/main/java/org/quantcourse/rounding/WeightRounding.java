package org.quantcourse.rounding;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.QuantizedTensor;

/**
 * How the codes of a dense weight {@code W [nIn, nOut]} are chosen on a fixed grid (scales and zero-points already
 * picked by a {@link org.quantcourse.quant.Quantizer}), given calibration inputs {@code X [n, nIn]} of the layer.
 * Round-to-nearest ignores the inputs; {@link AdaRound} uses them to keep {@code XW} close.
 * Used in notebook 14.
 */
@FunctionalInterface
public interface WeightRounding {

    /** The codes of {@code weights} on the grid of {@code params}, chosen with the help of {@code inputs}. */
    QuantizedTensor round(INDArray weights, QuantParams params, INDArray inputs);

    /** Round to nearest (half to even), the library quantizer's own rounding: the baseline. */
    static WeightRounding nearest() {
        return new NearestRounding();
    }

    /** Round to nearest, as a named value. */
    record NearestRounding() implements WeightRounding {
        @Override
        public QuantizedTensor round(INDArray weights, QuantParams params, INDArray inputs) {
            return DenseGrid.of(params, weights).nearest(weights);
        }

        @Override
        public String toString() {
            return "nearest";
        }
    }
}
