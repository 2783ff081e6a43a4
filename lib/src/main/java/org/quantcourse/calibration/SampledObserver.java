package org.quantcourse.calibration;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.QuantParams;
import org.quantcourse.quant.Quantizer;

/**
 * Shows another observer a seeded random sample of at most {@code limit} values of each batch (every value when
 * the batch is smaller), for observers whose cost grows with the values seen times the candidates they try: the
 * MSE search over 100 clipping ratios on a 2.4-million-value conv2 batch is reduced 36-fold by a 65 536-value
 * sample, and the ratio it picks is a property of the distribution, which the sample keeps. Used in notebook 08.
 */
public final class SampledObserver implements Observer {
    /** The sample size of {@link CalibrationMethod#mse()}. */
    public static final int DEFAULT_LIMIT = 1 << 16;

    private final Observer inner;
    private final int limit;
    private final SplittableRandom random;

    private SampledObserver(Observer inner, int limit, long seed) {
        this.inner = inner;
        this.limit = limit;
        this.random = new SplittableRandom(seed);
    }

    /** Shows {@code inner} at most {@code limit} values per batch, sampled with {@code seed}. */
    public static SampledObserver of(Observer inner, int limit, long seed) {
        if (inner == null || limit < 1) {
            throw new IllegalArgumentException("need an observer and a sample size of at least 1, got " + inner
                    + " and " + limit);
        }
        return new SampledObserver(inner, limit, seed);
    }

    @Override
    public Observer observe(INDArray x) {
        if (x == null) {
            throw new IllegalArgumentException("tensor is null");
        }
        return observe(x.dup('c').reshape(x.length()).castTo(DataType.FLOAT).toFloatVector());
    }

    @Override
    public Observer observe(float[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("need at least one value to observe");
        }
        inner.observe(x.length <= limit ? x : sample(x));
        return this;
    }

    /** {@code limit} values of {@code x} drawn uniformly with replacement. */
    private float[] sample(float[] x) {
        float[] s = new float[limit];
        for (int i = 0; i < limit; i++) {
            s[i] = x[random.nextInt(x.length)];
        }
        return s;
    }

    @Override
    public QuantParams params() {
        return inner.params();
    }

    @Override
    public Quantizer quantizer() {
        return inner.quantizer();
    }

    @Override
    public int batches() {
        return inner.batches();
    }

    /** The observer that sees the samples. */
    public Observer inner() {
        return inner;
    }
}
