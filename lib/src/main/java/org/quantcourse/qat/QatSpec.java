package org.quantcourse.qat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.compress.WeightLayout;
import org.quantcourse.quant.Scheme;

/**
 * What quantization-aware training simulates: the weight projection of every quantizable layer (k-bit symmetric
 * per channel, LSQ, binary or ternary), the estimator, optional b-bit activations after every hidden layer, and
 * per-layer exceptions (e.g. first and last layer in FP32 or at 8 bits). Immutable; each method returns a changed
 * copy. Used in notebooks 11 and 12.
 */
public final class QatSpec {

    /** Default learning rate of LSQ's steps (Adam on {@code log s}). */
    public static final double DEFAULT_STEP_RATE = 0.002;

    /** The kind of weight projection. */
    public enum WeightKind {
        /** k-bit symmetric, min-max scale per output channel. */
        UNIFORM,
        /** k-bit symmetric with learned steps per output channel (LSQ). */
        LSQ,
        /** sign(w)·mean|w| per output channel (BinaryConnect with XNOR-Net's scale). */
        BINARY,
        /** TWN: threshold 0.7·mean|w|, per output channel. */
        TERNARY,
        /** no projection: the layer trains in FP32. */
        FLOAT
    }

    private final WeightKind kind;
    private final int bits;
    private final SteMode ste;
    private final int activationBits;
    private final double stepRate;
    private final Map<Integer, QatSpec> layers;

    private QatSpec(WeightKind kind, int bits, SteMode ste, int activationBits, double stepRate,
            Map<Integer, QatSpec> layers) {
        this.kind = kind;
        this.bits = bits;
        this.ste = ste;
        this.activationBits = activationBits;
        this.stepRate = stepRate;
        this.layers = Map.copyOf(layers);
    }

    /** {@code bits}-bit symmetric weights (2..8) with min-max scales per output channel, clipped STE. */
    public static QatSpec weights(int bits) {
        return new QatSpec(WeightKind.UNIFORM, checkBits(bits), SteMode.CLIPPED, 0, DEFAULT_STEP_RATE, Map.of());
    }

    /** {@code bits}-bit symmetric weights (2..8) with a learned step per output channel (LSQ). */
    public static QatSpec lsq(int bits) {
        return new QatSpec(WeightKind.LSQ, checkBits(bits), SteMode.CLIPPED, 0, DEFAULT_STEP_RATE, Map.of());
    }

    /** Binary weights {@code sign(w)·mean|w|} per output channel, clipped STE (BinaryConnect's). */
    public static QatSpec binary() {
        return new QatSpec(WeightKind.BINARY, 1, SteMode.CLIPPED, 0, DEFAULT_STEP_RATE, Map.of());
    }

    /** Ternary weights (TWN) per output channel, clipped STE. */
    public static QatSpec ternary() {
        return new QatSpec(WeightKind.TERNARY, 2, SteMode.CLIPPED, 0, DEFAULT_STEP_RATE, Map.of());
    }

    /** FP32 weights (for a per-layer exception). */
    public static QatSpec floatWeights() {
        return new QatSpec(WeightKind.FLOAT, 32, SteMode.PLAIN, 0, DEFAULT_STEP_RATE, Map.of());
    }

    /** The same with this estimator for the weights (and the activations). */
    public QatSpec ste(SteMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("pass SteMode.PLAIN or SteMode.CLIPPED");
        }
        return new QatSpec(kind, bits, mode, activationBits, stepRate, layers);
    }

    /** The same with {@code bits}-bit activations (2..16) after every hidden layer; 0 keeps them FP32. */
    public QatSpec activations(int bits) {
        if (bits != 0 && (bits < 2 || bits > 16)) {
            throw new IllegalArgumentException("activation bits must be 0 (FP32) or 2..16, got " + bits);
        }
        return new QatSpec(kind, this.bits, ste, bits, stepRate, layers);
    }

    /** The same with LSQ's step learning rate. */
    public QatSpec stepRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("step learning rate must be ≥ 0 and finite, got " + rate);
        }
        return new QatSpec(kind, bits, ste, activationBits, rate, layers);
    }

    /** The same, but layer {@code index} (of the FP32 network) projected as {@code spec} says. */
    public QatSpec withLayer(int index, QatSpec spec) {
        if (index < 0 || spec == null) {
            throw new IllegalArgumentException("give a layer index ≥ 0 and a spec, e.g. QatSpec.weights(8)");
        }
        Map<Integer, QatSpec> changed = new TreeMap<>(layers);
        changed.put(index, spec);
        return new QatSpec(kind, bits, ste, activationBits, stepRate, changed);
    }

    /** The same, but these layers keep FP32 weights. */
    public QatSpec keepFloat(int... indices) {
        QatSpec spec = this;
        for (int index : indices) {
            spec = spec.withLayer(index, floatWeights());
        }
        return spec;
    }

    /** The weight projection. */
    public WeightKind kind() {
        return kind;
    }

    /** Bits of the weights (32 for FP32). */
    public int bits() {
        return bits;
    }

    /** Bits of the activations, 0 when FP32. */
    public int activationBits() {
        return activationBits;
    }

    /** The estimator. */
    public SteMode steMode() {
        return ste;
    }

    /** The layers with their own spec. */
    public Set<Integer> exceptions() {
        return new TreeSet<>(layers.keySet());
    }

    /** The projection of layer {@code index} with weights {@code w} in {@code layout}, or empty for FP32. */
    public Optional<QatWeights> projectionFor(int index, WeightLayout layout, INDArray w) {
        QatSpec spec = layers.getOrDefault(index, this);
        int axis = layout.outputAxis();
        return Optional.ofNullable(switch (spec.kind) {
            case UNIFORM -> FakeQuantWeights.of(Scheme.SYMMETRIC, spec.bits, axis, spec.ste);
            case BINARY -> FakeQuantWeights.of(Scheme.BINARY, 1, axis, spec.ste);
            case TERNARY -> FakeQuantWeights.of(Scheme.TERNARY, 2, axis, spec.ste);
            case LSQ -> LsqWeights.initializedFrom(w, spec.bits, axis, spec.stepRate);
            case FLOAT -> null;
        });
    }

    @Override
    public String toString() {
        String weights = switch (kind) {
            case UNIFORM -> bits + "-bit weights per channel";
            case LSQ -> bits + "-bit LSQ weights";
            case BINARY -> "binary weights";
            case TERNARY -> "ternary weights";
            case FLOAT -> "FP32 weights";
        };
        return weights + ", " + (activationBits == 0 ? "FP32" : activationBits + "-bit") + " activations, "
                + ste.name().toLowerCase(Locale.ROOT) + " STE" + (layers.isEmpty() ? "" : ", layers " + layers);
    }

    private static int checkBits(int bits) {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("QAT weights take 2..8 bits, got " + bits
                    + "; for 1 bit use QatSpec.binary(), for {-1, 0, 1} QatSpec.ternary()");
        }
        return bits;
    }
}
