package org.quantcourse.integer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.train.ArticleCnn;

/**
 * The course CNN's layers (conv 1→32, conv 32→64, avg-pool 4×4, dense 100, dense 10; channels-last) on 12×12
 * inputs, seeded weights and small non-zero biases; and seeded "images" that look a little like digits (sparse,
 * in [0, 1]).
 */
final class SmallCnn {
    static final int SIDE = 12;

    private SmallCnn() {
    }

    /** The network initialized from {@code seed}, biases set to seeded values in [-0.05, 0.05). */
    static MultiLayerNetwork network(long seed) {
        MultiLayerNetwork net = ArticleCnn.builder().inputSize(SIDE).seed(seed).build();
        Nd4j.getRandom().setSeed(seed);
        for (int i : new int[] {0, 1, 3, 4}) {
            INDArray b = net.getLayer(i).getParam("b");
            net.getLayer(i).setParam("b", Nd4j.rand(DataType.FLOAT, b.shape()).subi(0.5).muli(0.1));
        }
        return net;
    }

    /** {@code n} images {@code [n, 1, 12, 12]}: about half the pixels 0, the rest uniform in [0, 1). */
    static INDArray images(long seed, int n) {
        Nd4j.getRandom().setSeed(seed);
        INDArray values = Nd4j.rand(DataType.FLOAT, n, 1, SIDE, SIDE);
        INDArray mask = Nd4j.rand(DataType.FLOAT, n, 1, SIDE, SIDE).gt(0.5).castTo(DataType.FLOAT);
        return values.muli(mask);
    }
}
