package org.quantcourse.quant;

/** Binary and ternary quantization: scales from mean|x|, codes from signs and a threshold. */
final class SignQuantization {
    /** TWN's threshold factor: {@code t = 0.7 * mean|x|}. */
    static final double TERNARY_THRESHOLD = 0.7;

    private SignQuantization() {}

    /** Binary: scale mean|x| per group; ternary: scale = mean of |x| above the threshold per group. */
    static QuantParams params(Quantizer q, TensorData t) {
        GroupLayout layout = GroupLayout.of(q.granularity(), t.shape());
        float[][] groups = layout.gather(t.data());
        float[] scales = new float[groups.length];
        for (int g = 0; g < groups.length; g++) {
            double meanAbs = meanAbs(groups[g]);
            scales[g] = q.scheme() == Scheme.BINARY
                    ? Math.max((float) meanAbs, Float.MIN_NORMAL)
                    : keptMean(groups[g], TERNARY_THRESHOLD * meanAbs);
        }
        return new QuantParams(q.scheme(), q.bits(), q.qmin(), q.qmax(), q.granularity(), scales,
                new int[groups.length]);
    }

    /** Codes: binary {@code x >= 0 ? +1 : -1}; ternary {@code +1 / 0 / -1} against {@code 0.7 mean|x|}. */
    static QuantizedTensor quantize(QuantParams p, TensorData t) {
        float[] x = t.data();
        GroupLayout layout = GroupLayout.of(p.granularity(), t.shape());
        double[] thresholds = new double[layout.groups()];
        if (p.scheme() == Scheme.TERNARY) {
            float[][] groups = layout.gather(x);
            for (int g = 0; g < groups.length; g++) {
                thresholds[g] = TERNARY_THRESHOLD * meanAbs(groups[g]);
            }
        }
        int[] codes = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            codes[i] = p.scheme() == Scheme.BINARY ? (x[i] >= 0 ? 1 : -1) : ternary(x[i], thresholds[layout.groupOf(i)]);
        }
        return new QuantizedTensor(codes, t.shape(), p);
    }

    private static int ternary(float x, double threshold) {
        return x > threshold ? 1 : (x < -threshold ? -1 : 0);
    }

    private static double meanAbs(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += Math.abs(v);
        }
        return sum / values.length;
    }

    private static float keptMean(float[] values, double threshold) {
        double sum = 0;
        int kept = 0;
        for (float v : values) {
            if (Math.abs(v) > threshold) {
                sum += Math.abs(v);
                kept++;
            }
        }
        return kept == 0 ? 1f : Math.max((float) (sum / kept), Float.MIN_NORMAL);
    }
}
