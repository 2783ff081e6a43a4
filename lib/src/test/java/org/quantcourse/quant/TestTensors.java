package org.quantcourse.quant;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test tensors of the shapes the course uses. */
final class TestTensors {
    /** Shape of a small DL4J conv weight [out, in, kh, kw]. */
    static final long[] CONV = {4, 3, 3, 3};
    /** Shape of a small DL4J dense weight [nIn, nOut]. */
    static final long[] DENSE = {12, 5};

    private TestTensors() {}

    /** Gaussian values with standard deviation {@code sigma}, each output channel of a conv scaled differently. */
    static float[] gaussian(long seed, int n, double sigma) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (gaussian(r) * sigma);
        }
        return v;
    }

    /** Uniform values in [lo, hi). */
    static float[] uniform(long seed, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + r.nextDouble() * (hi - lo));
        }
        return v;
    }

    /** A FLOAT array of the given shape with Gaussian values (sigma 0.1) and one value per 7 scaled by 5. */
    static INDArray weights(long seed, long... shape) {
        int n = (int) Shapes.length(shape);
        float[] v = gaussian(seed, n, 0.1);
        for (int i = 0; i < n; i += 7) {
            v[i] *= 5;
        }
        return Nd4j.create(v, shape, 'c');
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
