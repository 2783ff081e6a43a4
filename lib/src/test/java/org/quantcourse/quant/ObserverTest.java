package org.quantcourse.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ObserverTest {
    private static final long SEED = 7L;
    private static final double TOLERANCE = 1e-6;

    @Test
    void minMaxTracksTheExtremesOverBatches() {
        Observer obs = MinMaxObserver.of(Quantizer.asymmetric(8));
        obs.observe(new float[] {0.5f, 1f}).observe(new float[] {-2f, 0.1f}).observe(new float[] {3f});
        RangeObserver r = (RangeObserver) obs;
        assertArrayEquals(new float[] {-2f}, r.mins());
        assertArrayEquals(new float[] {3f}, r.maxs());
        assertEquals(Quantizer.asymmetric(8).quantize(new float[] {-2f, 3f}).params(), obs.params());
        assertEquals(3, obs.batches());
    }

    @Test
    void minMaxPerChannelActivationsAcceptAnyBatchSize() {
        // activations [batch, features]: per-channel on axis 1 collects each feature over the batch
        Observer obs = Quantizer.asymmetric(8).perChannel(1).observer();
        obs.observe(Nd4j.create(new float[] {1f, -1f, 2f, 0f}, new long[] {2, 2}, 'c'));
        obs.observe(Nd4j.create(new float[] {4f, 0.5f}, new long[] {1, 2}, 'c'));
        RangeObserver r = (RangeObserver) obs;
        assertArrayEquals(new float[] {1f, -1f}, r.mins());
        assertArrayEquals(new float[] {4f, 0.5f}, r.maxs());
        assertEquals(2, obs.params().groups());
    }

    @Test
    void movingAverageFollowsTheAveragingConstant() {
        RangeObserver obs = MovingAverageMinMaxObserver.of(Quantizer.asymmetric(8), 0.5);
        obs.observe(new float[] {0f, 1f}).observe(new float[] {-1f, 2f});
        // min: 0 + 0.5 * (-1 - 0) = -0.5; max: 1 + 0.5 * (2 - 1) = 1.5
        assertArrayEquals(new float[] {-0.5f}, obs.mins());
        assertArrayEquals(new float[] {1.5f}, obs.maxs());
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        float[] v = new float[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = 100 - i;
        }
        assertEquals(99.0, PercentileObserver.percentile(v, 99), TOLERANCE);
        // numpy.percentile([1, 2, 3, 4], 90) = 3.7
        assertEquals(3.7, PercentileObserver.percentile(new float[] {4, 1, 3, 2}, 90), TOLERANCE);
    }

    @Test
    void percentileIgnoresAnOutlier() {
        float[] x = TestTensors.uniform(SEED, 10_000, -1, 1);
        x[17] = 50f;
        QuantParams minMax = Quantizer.symmetric(8).params(x);
        QuantParams p99 = PercentileObserver.of(Quantizer.symmetric(8), 99).observe(x).params();
        assertEquals(50f / 127, minMax.scale(), TOLERANCE);
        assertTrue(p99.scale() < 1.0f / 127 && p99.scale() > 0.95f / 127, "scale " + p99.scale());
    }

    @Test
    void percentileOfOneHundredIsMinMax() {
        float[] x = TestTensors.gaussian(SEED, 1000, 0.3);
        Quantizer q = Quantizer.asymmetric(4);
        assertEquals(q.params(x), PercentileObserver.of(q, 100).observe(x).params());
    }

    @Test
    void percentileAveragesPerBatchRanges() {
        RangeObserver obs = PercentileObserver.of(Quantizer.asymmetric(8), 100);
        obs.observe(new float[] {0f, 2f}).observe(new float[] {-4f, 4f});
        assertArrayEquals(new float[] {-2f}, obs.mins());
        assertArrayEquals(new float[] {3f}, obs.maxs());
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2, 3, 4, 8})
    void mseClippingIsNoWorseThanMinMax(int bits) {
        float[] x = TestTensors.gaussian(SEED + bits, 5000, 1.0);
        for (Quantizer q : new Quantizer[] {Quantizer.symmetric(bits), Quantizer.asymmetric(bits)}) {
            double minMax = QuantError.of(x, q.fakeQuantize(x)).mse();
            Quantizer clipped = q.withRangeEstimator(MseClippingObserver::of);
            double mse = QuantError.of(x, clipped.fakeQuantize(x)).mse();
            assertTrue(mse <= minMax * (1 + 1e-6), q + ": " + mse + " vs " + minMax);
        }
    }

    @Test
    void mseClippingClipsGaussianTailsAtLowBitWidths() {
        float[] x = TestTensors.gaussian(SEED, 20_000, 1.0);
        QuantParams p = MseClippingObserver.of(Quantizer.symmetric(3)).observe(x).params();
        QuantParams minMax = Quantizer.symmetric(3).params(x);
        assertTrue(p.scale() < 0.8 * minMax.scale(), p.scale() + " vs " + minMax.scale());
    }

    @Test
    void observerParamsQuantizeNewBatches() {
        Quantizer q = Quantizer.asymmetric(8);
        Observer obs = q.observer();
        for (int b = 0; b < 4; b++) {
            obs.observe(TestTensors.weights(SEED + b, 16, 10));
        }
        INDArray fresh = TestTensors.weights(SEED + 99, 3, 10);
        QuantizedTensor qt = q.quantize(fresh, obs.params());
        assertEquals(obs.params(), qt.params());
    }

    @Test
    void paramsBeforeObservingFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MinMaxObserver.of(Quantizer.symmetric(8)).params());
        assertTrue(e.getMessage().contains("observe"));
    }

    @Test
    void changingChannelCountBetweenBatchesIsRejected() {
        Observer obs = Quantizer.symmetric(8).perChannel(1).observer();
        obs.observe(Nd4j.zeros(4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> obs.observe(Nd4j.zeros(4, 5)));
        assertTrue(e.getMessage().contains("5 groups") && e.getMessage().contains("earlier tensors had 3"));
    }

    @Test
    void observersRejectSignQuantizers() {
        assertThrows(IllegalArgumentException.class, () -> MinMaxObserver.of(Quantizer.binary()));
        assertThrows(IllegalArgumentException.class, () -> Quantizer.ternary().observer());
    }

    @Test
    void observerArgumentsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PercentileObserver.of(Quantizer.symmetric(8), 101));
        assertThrows(IllegalArgumentException.class, () -> PercentileObserver.of(Quantizer.symmetric(8), 10));
        assertThrows(IllegalArgumentException.class, () -> MovingAverageMinMaxObserver.of(Quantizer.symmetric(8), 0));
        assertThrows(IllegalArgumentException.class, () -> MseClippingObserver.of(Quantizer.symmetric(8), 0));
    }
}
