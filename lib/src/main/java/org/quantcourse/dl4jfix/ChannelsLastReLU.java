package org.quantcourse.dl4jfix;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * ReLU for channels-last convolution layers. DL4J M2.1 back-propagates an NHWC layer's activation on NCHW-permuted
 * views of its arrays, which makes the element-wise derivative run on strided data as slowly as the whole oneDNN
 * convolution backward pass; here it runs on the underlying contiguous NHWC arrays instead (copying the incoming
 * gradient to NHWC when it arrives channels-first). Same values as
 * {@link ActivationReLU}. Part of the network built by {@code org.quantcourse.train.ArticleCnn}.
 */
public class ChannelsLastReLU extends ActivationReLU {

    private static final long serialVersionUID = 1L;

    /** Plain ReLU, max(0, x). */
    public ChannelsLastReLU() {
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (in.rank() == 4 && !contiguous(in)) {
            INDArray inLast = in.permute(0, 2, 3, 1);
            if (contiguous(inLast)) {
                INDArray epsilonLast = epsilon.permute(0, 2, 3, 1);
                epsilonLast = contiguous(epsilonLast) ? epsilonLast : epsilonLast.dup('c');
                Pair<INDArray, INDArray> last = super.backprop(inLast, epsilonLast);
                return new Pair<>(last.getFirst().permute(0, 3, 1, 2), last.getSecond());
            }
        }
        return super.backprop(in, epsilon);
    }

    private static boolean contiguous(INDArray array) {
        return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array);
    }
}
