package org.quantcourse.integer;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The seeded small course-shaped CNN and images of {@link SmallCnn}, for tests in other packages. */
public final class SmallCnnFixture {
    /** Side of the images. */
    public static final int SIDE = SmallCnn.SIDE;

    private SmallCnnFixture() {
    }

    /** The network for {@code seed}. */
    public static MultiLayerNetwork network(long seed) {
        return SmallCnn.network(seed);
    }

    /** {@code n} seeded images {@code [n, 1, 12, 12]}. */
    public static INDArray images(long seed, int n) {
        return SmallCnn.images(seed, n);
    }
}
