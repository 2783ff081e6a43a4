package org.quantcourse.compress;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;

/**
 * How to quantize a network's weights: scheme, bits and granularity, with per-layer overrides, layers kept in
 * FP32, and optional activation quantization. Immutable; each method returns a new spec. Used in notebooks 05
 * and 06, e.g. {@code QuantSpec.symmetric(8).perChannel()}.
 *
 * <p>Per-channel and per-group follow each layer's {@link WeightLayout}: the output channel is axis 0 of a conv
 * weight and axis 1 of a dense weight; groups run along the input of each output channel.
 */
public final class QuantSpec {
    private enum Grain { TENSOR, CHANNEL, GROUP }

    private final Scheme scheme;
    private final int bits;
    private final boolean restricted;
    private final Grain grain;
    private final int groupSize;
    private final Function<Quantizer, Observer> rangeEstimator;
    private final int activationBits;
    private final Map<Integer, QuantSpec> overrides;
    private final Set<Integer> floatLayers;

    private QuantSpec(Scheme scheme, int bits, boolean restricted, Grain grain, int groupSize,
            Function<Quantizer, Observer> rangeEstimator, int activationBits, Map<Integer, QuantSpec> overrides,
            Set<Integer> floatLayers) {
        this.scheme = scheme;
        this.bits = bits;
        this.restricted = restricted;
        this.grain = grain;
        this.groupSize = groupSize;
        this.rangeEstimator = rangeEstimator;
        this.activationBits = activationBits;
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
        this.floatLayers = Collections.unmodifiableSet(new TreeSet<>(floatLayers));
        quantizerFor(WeightLayout.DENSE); // checks bits and scheme now, not at the first layer
    }

    private static QuantSpec create(Scheme scheme, int bits) {
        return new QuantSpec(scheme, bits, false, Grain.TENSOR, 0, null, 0, Map.of(), Set.of());
    }

    /** Symmetric weights, 2..16 bits, per-tensor. */
    public static QuantSpec symmetric(int bits) {
        return create(Scheme.SYMMETRIC, bits);
    }

    /** Asymmetric weights, 1..16 bits, per-tensor. */
    public static QuantSpec asymmetric(int bits) {
        return create(Scheme.ASYMMETRIC, bits);
    }

    /** Binary weights (sign times mean|w|). */
    public static QuantSpec binary() {
        return create(Scheme.BINARY, 1);
    }

    /** Ternary weights (TWN). */
    public static QuantSpec ternary() {
        return create(Scheme.TERNARY, 2);
    }

    /** The spec of a bit-width sweep: symmetric with 1 bit is {@link #binary()} (see {@link Quantizer#of}). */
    public static QuantSpec of(Scheme scheme, int bits) {
        Quantizer q = Quantizer.of(scheme, bits);
        return create(q.scheme(), q.bits());
    }

    /** One scale per weight tensor. */
    public QuantSpec perTensor() {
        return with(restricted, Grain.TENSOR, 0, rangeEstimator, activationBits, overrides, floatLayers);
    }

    /** One scale per output channel (conv axis 0, dense axis 1). */
    public QuantSpec perChannel() {
        return with(restricted, Grain.CHANNEL, 0, rangeEstimator, activationBits, overrides, floatLayers);
    }

    /** One scale per {@code groupSize} input values of each output channel; must divide every layer's input. */
    public QuantSpec perGroup(int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        }
        return with(restricted, Grain.GROUP, groupSize, rangeEstimator, activationBits, overrides, floatLayers);
    }

    /** Symmetric codes limited to {@code [-(2^(b-1)-1), 2^(b-1)-1]}. */
    public QuantSpec restrictedRange() {
        return with(true, grain, groupSize, rangeEstimator, activationBits, overrides, floatLayers);
    }

    /** Weight ranges from another estimator, e.g. {@code MseClippingObserver::of}. */
    public QuantSpec withRangeEstimator(Function<Quantizer, Observer> estimator) {
        return with(restricted, grain, groupSize, Objects.requireNonNull(estimator, "estimator"), activationBits,
                overrides, floatLayers);
    }

    /**
     * Also quantize each quantized layer's input activations, asymmetric per-tensor with {@code bits} bits and a
     * min-max range from calibration batches; biases then become int32 with scale {@code s_w * s_x}.
     */
    public QuantSpec withActivations(int bits) {
        Quantizer.asymmetric(bits);
        return with(restricted, grain, groupSize, rangeEstimator, bits, overrides, floatLayers);
    }

    /** Uses {@code spec}'s weight settings for layer {@code layerIndex} (its own overrides are ignored). */
    public QuantSpec withLayer(int layerIndex, QuantSpec spec) {
        checkIndex(layerIndex);
        Map<Integer, QuantSpec> o = new TreeMap<>(overrides);
        o.put(layerIndex, Objects.requireNonNull(spec, "spec"));
        return with(restricted, grain, groupSize, rangeEstimator, activationBits, o, floatLayers);
    }

    /** Keeps layer {@code layerIndex} in FP32. */
    public QuantSpec keepFloat(int layerIndex) {
        checkIndex(layerIndex);
        Set<Integer> f = new TreeSet<>(floatLayers);
        f.add(layerIndex);
        return with(restricted, grain, groupSize, rangeEstimator, activationBits, overrides, f);
    }

    /** The weight spec of layer {@code layerIndex}, or empty if it is kept FP32. */
    public Optional<QuantSpec> forLayer(int layerIndex) {
        if (floatLayers.contains(layerIndex)) {
            return Optional.empty();
        }
        return Optional.of(overrides.getOrDefault(layerIndex, this));
    }

    /** The tensor quantizer for a weight of this layout (per-channel/per-group axes chosen by the layout). */
    public Quantizer quantizerFor(WeightLayout layout) {
        Quantizer q = switch (scheme) {
            case SYMMETRIC -> Quantizer.symmetric(bits);
            case ASYMMETRIC -> Quantizer.asymmetric(bits);
            case BINARY -> Quantizer.binary();
            case TERNARY -> Quantizer.ternary();
        };
        q = restricted ? q.restrictedRange() : q;
        q = switch (grain) {
            case TENSOR -> q.perTensor();
            case CHANNEL -> q.perChannel(layout.outputAxis());
            case GROUP -> q.perGroup(groupSize, layout.outputAxis());
        };
        return rangeEstimator == null ? q : q.withRangeEstimator(rangeEstimator);
    }

    /** Bits of the activation quantizer, or 0 when activations stay FP32. */
    public int activationBits() {
        return activationBits;
    }

    /** The weight scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** Bits per weight code. */
    public int bits() {
        return bits;
    }

    /** True when weights are per-group (then biases stay FP32 even with activation quantization). */
    public boolean isPerGroup() {
        return grain == Grain.GROUP;
    }

    @Override
    public String toString() {
        return "QuantSpec[" + scheme + ", " + bits + " bits" + (restricted ? " restricted" : "") + ", "
                + grain.name().toLowerCase() + (grain == Grain.GROUP ? " " + groupSize : "")
                + (activationBits > 0 ? ", activations " + activationBits + " bits" : "")
                + (overrides.isEmpty() ? "" : ", overrides " + overrides.keySet())
                + (floatLayers.isEmpty() ? "" : ", fp32 layers " + floatLayers) + "]";
    }

    private QuantSpec with(boolean restricted, Grain grain, int groupSize, Function<Quantizer, Observer> estimator,
            int activationBits, Map<Integer, QuantSpec> overrides, Set<Integer> floatLayers) {
        return new QuantSpec(scheme, bits, restricted, grain, groupSize, estimator, activationBits, overrides,
                floatLayers);
    }

    private static void checkIndex(int layerIndex) {
        if (layerIndex < 0) {
            throw new IllegalArgumentException("layer index must be >= 0, got " + layerIndex);
        }
    }
}
