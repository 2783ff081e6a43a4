package org.quantcourse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

class EntropyObserverTest {
    private static final long SEED = 3;

    private static float[] reluWithOutlier(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) Math.max(0, -Math.log(r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
        }
        v[0] = 100f;
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8})
    void nonNegativeDataGetsAnUnsignedRangeClippedBelowTheOutlier(int bits) {
        EntropyObserver obs = EntropyObserver.of(Quantizer.asymmetric(bits));
        obs.observe(reluWithOutlier(100_000, SEED));
        QuantParams p = obs.params();
        assertEquals(0, p.zeroPoint(), "z = 0: the unsigned grid");
        assertEquals(1 << bits, obs.levels());
        assertTrue(p.rangeMax(0) < 50 && p.rangeMax(0) > 0.5, "clipped at " + p.rangeMax(0));
        assertEquals(obs.threshold(), p.rangeMax(0), 1e-4 * obs.threshold());
    }

    @Test
    void signedDataGetsASymmetricRangeOnHalfTheLevels() {
        SplittableRandom r = new SplittableRandom(SEED);
        float[] v = new float[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        EntropyObserver obs = EntropyObserver.of(Quantizer.asymmetric(8));
        QuantParams p = obs.observe(v).params();
        assertEquals(128, obs.levels());
        assertEquals(-p.rangeMin(0), p.rangeMax(0), 2 * p.scale());
    }

    @Test
    void aLargerLaterBatchWidensTheHistogramAndKeepsItsCounts() {
        float[] v = reluWithOutlier(100_000, SEED);
        float[] first = java.util.Arrays.copyOfRange(v, 1, 50_000); // without the outlier
        float[] second = java.util.Arrays.copyOfRange(v, 50_000, v.length);
        EntropyObserver twoBatches = EntropyObserver.of(Quantizer.asymmetric(8));
        twoBatches.observe(first).observe(second).observe(new float[] {100f});
        EntropyObserver oneBatch = EntropyObserver.of(Quantizer.asymmetric(8));
        oneBatch.observe(v);
        assertEquals(v.length, java.util.Arrays.stream(twoBatches.histogram()).sum());
        assertEquals(100.0, twoBatches.max(), 0);
        assertEquals(oneBatch.threshold(), twoBatches.threshold(), 0.05 * oneBatch.threshold());
    }

    @Test
    void perChannelQuantizersAndEmptyObserversAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EntropyObserver.of(Quantizer.asymmetric(8).perChannel(1)));
        assertThrows(IllegalStateException.class, () -> EntropyObserver.of(Quantizer.asymmetric(8)).params());
        assertThrows(IllegalArgumentException.class,
                () -> EntropyObserver.of(Quantizer.asymmetric(8)).observe(new float[] {Float.NaN}));
    }
}
