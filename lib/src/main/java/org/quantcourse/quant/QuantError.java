package org.quantcourse.quant;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far quantized values {@code x'} are from the originals {@code x}: mean squared error, largest absolute
 * error, and signal-to-quantization-noise ratio {@code SQNR = 10 log10(sum x^2 / sum (x - x')^2)} in dB
 * (+Infinity when there is no error). Used in notebooks 02 and 05.
 *
 * @param mse mean of {@code (x - x')^2}
 * @param maxAbsError largest {@code |x - x'|}
 * @param sqnrDb signal-to-quantization-noise ratio in dB
 * @param count number of values compared
 */
public record QuantError(double mse, double maxAbsError, double sqnrDb, long count) {
    /**
     * Float rounding allowed on top of {@code s/2} by {@link #boundViolations}: this many ulps of {@code x}, of
     * {@code x'} and, in steps of {@code s}, of {@code x * (1/s)}: PyTorch's order adds {@code z} after rounding, so
     * no second rounding comes from a large zero-point, but {@code 1/s} and the product are still rounded to float.
     */
    public static final int BOUND_ULPS = 4;

    /** Compares two arrays of the same shape. */
    public static QuantError of(INDArray x, INDArray xq) {
        if (x == null || xq == null || !Arrays.equals(x.shape(), xq.shape())) {
            throw new IllegalArgumentException("shapes differ: " + (x == null ? "null" : Arrays.toString(x.shape()))
                    + " vs " + (xq == null ? "null" : Arrays.toString(xq.shape())) + ": compare arrays of one shape");
        }
        return of(TensorData.of(x).data(), TensorData.of(xq).data());
    }

    /** Compares {@code x} with the dequantized {@code q}. */
    public static QuantError of(INDArray x, QuantizedTensor q) {
        return of(x, q.dequantize());
    }

    /**
     * Each quantizer applied to the same {@code x}, one row each in the map's order: the name (in a column called
     * {@code label}), "scales" (how many), "largest scale", "MSE" and "SQNR dB". Used in notebook 02.
     */
    public static Table table(String title, String label, INDArray x, Map<String, Quantizer> quantizers) {
        Table t = Table.create(title, StringColumn.create(label), DoubleColumn.create("scales"),
                DoubleColumn.create("largest scale"), DoubleColumn.create("MSE"), DoubleColumn.create("SQNR dB"));
        quantizers.forEach((name, quantizer) -> {
            QuantizedTensor q = quantizer.quantize(x);
            QuantError err = of(x, q);
            t.stringColumn(label).append(name);
            t.doubleColumn("scales").append(q.params().groups());
            t.doubleColumn("largest scale").append(largest(q.params().scales()));
            t.doubleColumn("MSE").append(err.mse());
            t.doubleColumn("SQNR dB").append(err.sqnrDb());
        });
        return t;
    }

    private static double largest(float[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Compares two arrays of the same length. */
    public static QuantError of(float[] x, float[] xq) {
        if (x == null || xq == null || x.length != xq.length || x.length == 0) {
            throw new IllegalArgumentException("need two non-empty arrays of one length, got "
                    + (x == null ? "null" : x.length) + " and " + (xq == null ? "null" : xq.length));
        }
        double noise = 0;
        double signal = 0;
        double maxAbs = 0;
        for (int i = 0; i < x.length; i++) {
            double e = (double) x[i] - xq[i];
            noise += e * e;
            signal += (double) x[i] * x[i];
            maxAbs = Math.max(maxAbs, Math.abs(e));
        }
        double sqnr = noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
        return new QuantError(noise / x.length, maxAbs, sqnr, x.length);
    }

    /**
     * How many values inside their group's range {@code [s(qmin-z), s(qmax-z)]} break the bound
     * {@code |x - x'| <= s/2} (beyond the float rounding of the formula, see {@link #BOUND_ULPS}); 0 for
     * round-half-to-even uniform quantization.
     */
    public static long boundViolations(INDArray x, QuantizedTensor q) {
        TensorData t = TensorData.of(x);
        if (!Arrays.equals(t.shape(), q.shape())) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(t.shape()) + " vs "
                    + Arrays.toString(q.shape()));
        }
        QuantParams p = q.params();
        GroupLayout layout = GroupLayout.of(p.granularity(), t.shape());
        float[] xq = q.toFloatArray();
        long violations = 0;
        for (int i = 0; i < xq.length; i++) {
            int g = layout.groupOf(i);
            float v = t.data()[i];
            if (v >= p.rangeMin(g) && v <= p.rangeMax(g)) {
                float s = p.scale(g);
                double slack = BOUND_ULPS * (Math.ulp(v) + Math.ulp(xq[i]) + s * Math.ulp(Math.abs(v / s) + p.zeroPoint(g)));
                violations += Math.abs((double) v - xq[i]) > p.errorBound(g) + slack ? 1 : 0;
            }
        }
        return violations;
    }

    @Override
    public String toString() {
        return String.format("QuantError[mse=%.6g, maxAbsError=%.6g, sqnr=%.2f dB, n=%d]", mse, maxAbsError, sqnrDb,
                count);
    }
}
