package org.quantcourse.quant;

import java.util.Objects;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor quantizer: scheme, bit width, granularity, rounding and range estimation, as an immutable value with
 * fluent {@code with}-style methods. One line from a notebook:
 * {@code Quantizer.symmetric(8).perChannel(0).quantize(w)}. Used in notebook 02.
 *
 * <p>Conventions (those of the course's reference run; {@link #withScaleRule(ScaleRule)} switches to PyTorch's
 * observer rule, see {@link ScaleRule} for exactly when the two agree with PyTorch bit for bit):
 * <ul>
 *   <li>symmetric: {@code s = max|x| / (2^(b-1) - 1)}, {@code z = 0}, codes {@code -2^(b-1)..2^(b-1)-1} (the code
 *       {@code -2^(b-1)} is never produced by a value inside the observed range), or
 *       {@code -(2^(b-1)-1)..2^(b-1)-1} with {@link #restrictedRange()}; 2..16 bits (1-bit symmetric is
 *       {@link #binary()}, which {@link #of(Scheme, int)} maps to);
 *   <li>asymmetric: the observed {@code [min, max]} is widened to include 0, {@code s = (max - min) / (2^b - 1)},
 *       {@code z = clamp(-rint(min/s), 0, 2^b - 1)}, codes {@code 0..2^b - 1}; 1..16 bits (with 1 bit,
 *       {@code s = max - min} and the two levels are {@code {0, s}} or {@code {-s, 0}}: one level is always 0,
 *       which is why 1-bit asymmetric collapses);
 *   <li>a range of 0 (an all-zero group) gets scale 1, so 0 stays exactly 0 and nothing divides by 0;
 *   <li>quantize: {@code q = clamp(round(x/s) + z, qmin, qmax)}, the zero-point added after rounding half to
 *       even, in float exactly like PyTorch's {@code fake_quantize_per_tensor_affine} (see {@link Affine});
 *       dequantize: {@code x' = (q - z) * s}.
 * </ul>
 */
public final class Quantizer {
    private final Scheme scheme;
    private final int bits;
    private final boolean restricted;
    private final Granularity granularity;
    private final Rounding rounding;
    private final Function<Quantizer, Observer> rangeEstimator; // null: min-max
    private final ScaleRule scaleRule;

    private Quantizer(Scheme scheme, int bits, boolean restricted, Granularity granularity, Rounding rounding,
            Function<Quantizer, Observer> rangeEstimator, ScaleRule scaleRule) {
        BitWidths.check(scheme, bits);
        this.scaleRule = scaleRule;
        this.scheme = scheme;
        this.bits = bits;
        this.restricted = restricted;
        this.granularity = granularity;
        this.rounding = rounding;
        this.rangeEstimator = rangeEstimator;
    }

    /** Symmetric, signed codes, zero-point 0; 2..16 bits; per-tensor, min-max range, half-to-even. */
    public static Quantizer symmetric(int bits) {
        return create(Scheme.SYMMETRIC, bits);
    }

    /** Asymmetric (affine), unsigned codes with an integer zero-point; 1..16 bits; per-tensor, min-max. */
    public static Quantizer asymmetric(int bits) {
        return create(Scheme.ASYMMETRIC, bits);
    }

    /**
     * Binary with XNOR-Net's scale: {@code x' = sign(x) * mean|x|}, with sign(0) = +1; per-tensor (BinaryConnect
     * used {@code sign(x)} alone, without a scale).
     */
    public static Quantizer binary() {
        return create(Scheme.BINARY, 1);
    }

    /**
     * Ternary (TWN): threshold {@code t = 0.7 mean|x|}; codes {@code +1} for {@code x > t}, {@code -1} for
     * {@code x < -t}, else 0; scale = mean of the {@code |x| > t} (1 when none is kept); per-tensor.
     */
    public static Quantizer ternary() {
        return create(Scheme.TERNARY, 2);
    }

    /** The quantizer of a bit-width sweep: symmetric with 1 bit is {@link #binary()}, otherwise as named. */
    public static Quantizer of(Scheme scheme, int bits) {
        if (scheme == Scheme.SYMMETRIC && bits == 1) {
            return binary();
        }
        return create(Objects.requireNonNull(scheme, "scheme"), bits);
    }

    private static Quantizer create(Scheme scheme, int bits) {
        return new Quantizer(scheme, bits, false, Granularity.perTensor(), Rounding.halfEven(), null, ScaleRule.COURSE);
    }

    /** Symmetric codes limited to {@code [-(2^(b-1)-1), 2^(b-1)-1]} (no lone most-negative code). */
    public Quantizer restrictedRange() {
        if (scheme != Scheme.SYMMETRIC) {
            throw new IllegalArgumentException("restricted range applies to symmetric quantization only, not "
                    + scheme);
        }
        return new Quantizer(scheme, bits, true, granularity, rounding, rangeEstimator, scaleRule);
    }

    /** One scale for the whole tensor. */
    public Quantizer perTensor() {
        return withGranularity(Granularity.perTensor());
    }

    /** One scale per index of {@code axis}: 0 for DL4J conv weights [out,in,kh,kw], 1 for dense [nIn,nOut]. */
    public Quantizer perChannel(int axis) {
        return withGranularity(Granularity.perChannel(axis));
    }

    /** One scale per {@code groupSize} consecutive input values of each output channel (see {@link Granularity}). */
    public Quantizer perGroup(int groupSize, int channelAxis) {
        return withGranularity(Granularity.perGroup(groupSize, channelAxis));
    }

    /** One scale per {@code groupSize} consecutive values of the flattened tensor (C order). */
    public Quantizer perGroup(int groupSize) {
        return withGranularity(Granularity.perGroup(groupSize));
    }

    /** This quantizer with another granularity. */
    public Quantizer withGranularity(Granularity g) {
        return new Quantizer(scheme, bits, restricted, Objects.requireNonNull(g, "granularity"), rounding,
                rangeEstimator, scaleRule);
    }

    /** This quantizer with seeded stochastic rounding instead of half-to-even. */
    public Quantizer stochasticRounding(long seed) {
        return withRounding(Rounding.stochastic(seed));
    }

    /** This quantizer with another rounding. */
    public Quantizer withRounding(Rounding r) {
        return new Quantizer(scheme, bits, restricted, granularity, Objects.requireNonNull(r, "rounding"),
                rangeEstimator, scaleRule);
    }

    /**
     * This quantizer with another range estimator, e.g. {@code q -> PercentileObserver.of(q, 99.9)} or
     * {@code MseClippingObserver::of}; uniform schemes only.
     */
    public Quantizer withRangeEstimator(Function<Quantizer, Observer> estimator) {
        requireUniform("a range estimator");
        return new Quantizer(scheme, bits, restricted, granularity, rounding,
                Objects.requireNonNull(estimator, "estimator"), scaleRule);
    }

    /**
     * This quantizer with another rule from range to scale: {@link ScaleRule#PYTORCH} gives PyTorch's
     * {@code MinMaxObserver} parameters bit for bit; uniform schemes only.
     */
    public Quantizer withScaleRule(ScaleRule rule) {
        requireUniform("a scale rule");
        return new Quantizer(scheme, bits, restricted, granularity, rounding, rangeEstimator,
                Objects.requireNonNull(rule, "rule"));
    }

    /** The rule from range to scale ({@link ScaleRule#COURSE} unless set). */
    public ScaleRule scaleRule() {
        return scaleRule;
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** Bits per code. */
    public int bits() {
        return bits;
    }

    /** The granularity. */
    public Granularity granularity() {
        return granularity;
    }

    /** The rounding. */
    public Rounding rounding() {
        return rounding;
    }

    /** True with {@link #restrictedRange()}. */
    public boolean isRestrictedRange() {
        return restricted;
    }

    /** Smallest code. */
    public int qmin() {
        return BitWidths.codeRange(scheme, bits, restricted)[0];
    }

    /** Largest code. */
    public int qmax() {
        return BitWidths.codeRange(scheme, bits, restricted)[1];
    }

    /** A fresh observer of this quantizer's range estimator (min-max unless set), for calibration batches. */
    public Observer observer() {
        requireUniform("an observer");
        return rangeEstimator == null ? MinMaxObserver.of(this) : rangeEstimator.apply(this);
    }

    /** The parameters this quantizer picks for {@code x}. */
    public QuantParams params(INDArray x) {
        return params(TensorData.of(x));
    }

    /** The parameters this quantizer picks for a 1-D {@code x}. */
    public QuantParams params(float[] x) {
        return params(TensorData.of(x));
    }

    /** Parameters from per-group ranges {@code [mins[g], maxs[g]]} (widened to include 0); uniform schemes only. */
    public QuantParams paramsFromRange(float[] mins, float[] maxs) {
        requireUniform("paramsFromRange");
        checkRanges(mins, maxs);
        float[] scales = new float[mins.length];
        int[] zeroPoints = new int[mins.length];
        for (int g = 0; g < mins.length; g++) {
            GroupParams p = groupParams(mins[g], maxs[g]);
            scales[g] = p.scale();
            zeroPoints[g] = p.zeroPoint();
        }
        return new QuantParams(scheme, bits, qmin(), qmax(), granularity, scales, zeroPoints);
    }

    /** Quantizes {@code x}: codes, shape and the parameters picked for it. */
    public QuantizedTensor quantize(INDArray x) {
        return quantize(TensorData.of(x));
    }

    /** Quantizes a 1-D {@code x}. */
    public QuantizedTensor quantize(float[] x) {
        return quantize(TensorData.of(x));
    }

    /** Quantizes {@code x} of the given shape (values in C order). */
    public QuantizedTensor quantize(float[] x, long... shape) {
        return quantize(TensorData.of(x, shape));
    }

    /**
     * Quantizes {@code x} with given uniform parameters (e.g. from an observer); only this quantizer's rounding
     * is used, everything else comes from {@code params}.
     */
    public QuantizedTensor quantize(INDArray x, QuantParams params) {
        return quantizeWith(TensorData.of(x), params);
    }

    /** Quantizes a 1-D {@code x} with given uniform parameters. */
    public QuantizedTensor quantize(float[] x, QuantParams params) {
        return quantizeWith(TensorData.of(x), params);
    }

    /** Quantize then dequantize: {@code (clamp(round(x/s) + z, qmin, qmax) - z) * s}, same shape. */
    public INDArray fakeQuantize(INDArray x) {
        return quantize(x).dequantize();
    }

    /** Quantize then dequantize a 1-D {@code x}. */
    public float[] fakeQuantize(float[] x) {
        return quantize(x).toFloatArray();
    }

    @Override
    public String toString() {
        return "Quantizer[" + scheme + ", " + bits + " bits" + (restricted ? " (restricted range)" : "") + ", "
                + granularity + ", " + rounding + (rangeEstimator == null ? "" : ", custom range estimator")
                + (scaleRule == ScaleRule.COURSE ? "" : ", " + scaleRule + " scale rule") + "]";
    }

    QuantParams params(TensorData t) {
        return switch (scheme) {
            case SYMMETRIC, ASYMMETRIC -> observe(observer(), t).params();
            case BINARY, TERNARY -> SignQuantization.params(this, t);
        };
    }

    QuantizedTensor quantize(TensorData t) {
        QuantParams p = params(t);
        return scheme.isUniform() ? quantizeWith(t, p) : SignQuantization.quantize(p, t);
    }

    private static Observer observe(Observer observer, TensorData t) {
        if (observer instanceof RangeObserver r) {
            return r.observe(t);
        }
        return observer.observe(TensorData.toArray(t.data(), t.shape()));
    }

    /**
     * Scale and zero-point of one group with range {@code [lo, hi]} widened to include 0, in float32 like
     * PyTorch's observers (in double only when {@code max - min} overflows float).
     */
    GroupParams groupParams(double lo, double hi) {
        float min = (float) Math.min(lo, 0);
        float max = (float) Math.max(hi, 0);
        if (scheme == Scheme.SYMMETRIC) {
            float levels = scaleRule == ScaleRule.PYTORCH ? (qmax() - qmin()) / 2f : qmax();
            float amax = Math.max(-min, max);
            return new GroupParams(floor(amax / levels, amax == 0), 0);
        }
        float range = max - min;
        int levels = qmax() - qmin();
        // a range beyond the float range (e.g. [-3e38, 3e38]) is divided in double and capped at Float.MAX_VALUE
        float s = floor(Float.isFinite(range) ? range / levels
                : (float) Math.min(Float.MAX_VALUE, ((double) max - min) / levels), range == 0);
        int z = (int) Math.max(qmin(), Math.min(qmax(), qmin() - Math.rint(min / s)));
        return new GroupParams(s, z);
    }

    /** The rule's smallest scale: PyTorch's eps, or the course's 1 for a zero range and Float.MIN_NORMAL. */
    private float floor(float scale, boolean zeroRange) {
        if (scaleRule == ScaleRule.PYTORCH) {
            return Math.max(scale, ScaleRule.PYTORCH_EPS);
        }
        return zeroRange ? 1f : Math.max(scale, Float.MIN_NORMAL);
    }

    private QuantizedTensor quantizeWith(TensorData t, QuantParams p) {
        Objects.requireNonNull(p, "params");
        if (!p.scheme().isUniform()) {
            throw new IllegalArgumentException(p.scheme() + " parameters are derived from the data itself:"
                    + " call quantize(x) on Quantizer." + p.scheme().name().toLowerCase() + "() instead");
        }
        GroupLayout layout = GroupLayout.matching(p, t.shape());
        float[] s = p.scales();
        int[] z = p.zeroPoints();
        Rounding.Rounder rounder = rounding.start();
        float[] x = t.data();
        int[] codes = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int g = layout.groupOf(i);
            codes[i] = Affine.code(x[i], s[g], z[g], p.qmin(), p.qmax(), rounder);
        }
        return new QuantizedTensor(codes, t.shape(), p);
    }

    private void requireUniform(String what) {
        if (!scheme.isUniform()) {
            throw new IllegalArgumentException(what + " applies to symmetric and asymmetric quantization only; "
                    + scheme + " takes its scale from mean|x|");
        }
    }

    private static void checkRanges(float[] mins, float[] maxs) {
        if (mins == null || maxs == null || mins.length == 0 || mins.length != maxs.length) {
            throw new IllegalArgumentException("need one min and one max per group (at least one group), got "
                    + (mins == null ? "null" : mins.length) + " mins and " + (maxs == null ? "null" : maxs.length)
                    + " maxs");
        }
        for (int g = 0; g < mins.length; g++) {
            if (!Float.isFinite(mins[g]) || !Float.isFinite(maxs[g]) || mins[g] > maxs[g]) {
                throw new IllegalArgumentException("range of group " + g + " is [" + mins[g] + ", " + maxs[g]
                        + "]: need finite min <= max");
            }
        }
    }

    /** Scale and zero-point of one group. */
    record GroupParams(float scale, int zeroPoint) {}
}
