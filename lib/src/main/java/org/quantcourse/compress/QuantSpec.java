package org.quantcourse.compress;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.quantcourse.quant.Granularity;
import org.quantcourse.quant.Observer;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;

/**
 * How to quantize a network's weights: a weight {@link Quantizer}, with per-layer overrides, layers kept in FP32,
 * and optional activation quantization. Immutable; each method returns a new spec. Used in notebooks 05 and 06,
 * e.g. {@code QuantSpec.symmetric(8).perChannel()} or
 * {@code QuantSpec.of(Quantizer.asymmetric(4).stochasticRounding(1)).perChannel()}.
 *
 * <p>{@link #perChannel()} and {@link #perGroup(int)} follow each layer's {@link WeightLayout}: the output channel
 * is axis 0 of a conv weight and axis 1 of a dense weight; groups run along the input of each output channel. A
 * quantizer given with {@link #of(Quantizer)} is used as it is, its axes included.
 */
public final class QuantSpec {
    private final Quantizer weights;
    private final boolean onOutputAxis;
    private final int activationBits;
    private final Map<Integer, QuantSpec> overrides;
    private final Set<Integer> floatLayers;

    private QuantSpec(Quantizer weights, boolean onOutputAxis, int activationBits, Map<Integer, QuantSpec> overrides,
            Set<Integer> floatLayers) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.onOutputAxis = onOutputAxis;
        this.activationBits = activationBits;
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
        this.floatLayers = Collections.unmodifiableSet(new TreeSet<>(floatLayers));
    }

    /** Every layer's weights quantized by {@code weights} exactly (per-channel axes as given). */
    public static QuantSpec of(Quantizer weights) {
        return new QuantSpec(weights, false, 0, Map.of(), Set.of());
    }

    /** Symmetric weights, 2..16 bits, per-tensor. */
    public static QuantSpec symmetric(int bits) {
        return of(Quantizer.symmetric(bits));
    }

    /** Asymmetric weights, 1..16 bits, per-tensor. */
    public static QuantSpec asymmetric(int bits) {
        return of(Quantizer.asymmetric(bits));
    }

    /** Binary weights (sign times mean|w|). */
    public static QuantSpec binary() {
        return of(Quantizer.binary());
    }

    /** Ternary weights (TWN). */
    public static QuantSpec ternary() {
        return of(Quantizer.ternary());
    }

    /** The spec of a bit-width sweep: symmetric with 1 bit is {@link #binary()} (see {@link Quantizer#of}). */
    public static QuantSpec of(Scheme scheme, int bits) {
        return of(Quantizer.of(scheme, bits));
    }

    /** One scale per weight tensor. */
    public QuantSpec perTensor() {
        return withWeights(weights.perTensor(), false);
    }

    /** One scale per output channel (conv axis 0, dense axis 1). */
    public QuantSpec perChannel() {
        return withWeights(weights.perChannel(0), true);
    }

    /** One scale per {@code groupSize} input values of each output channel; must divide every layer's input. */
    public QuantSpec perGroup(int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("group size must be >= 1, got " + groupSize);
        }
        return withWeights(weights.perGroup(groupSize, 0), true);
    }

    /** Symmetric codes limited to {@code [-(2^(b-1)-1), 2^(b-1)-1]}. */
    public QuantSpec restrictedRange() {
        return withQuantizer(Quantizer::restrictedRange);
    }

    /** Weight ranges from another estimator, e.g. {@code MseClippingObserver::of}. */
    public QuantSpec withRangeEstimator(Function<Quantizer, Observer> estimator) {
        return withQuantizer(q -> q.withRangeEstimator(Objects.requireNonNull(estimator, "estimator")));
    }

    /** The weight quantizer changed by {@code change}, e.g. {@code q -> q.stochasticRounding(7)}; axes follow the layers. */
    public QuantSpec withQuantizer(UnaryOperator<Quantizer> change) {
        return withWeights(Objects.requireNonNull(change.apply(weights), "the changed quantizer"), onOutputAxis);
    }

    /**
     * Also quantize each quantized layer's input activations, asymmetric per-tensor with {@code bits} bits and a
     * min-max range from calibration batches; biases then become int32 with scale {@code s_w * s_x}.
     */
    public QuantSpec withActivations(int bits) {
        Quantizer.asymmetric(bits);
        return new QuantSpec(weights, onOutputAxis, bits, overrides, floatLayers);
    }

    /** Uses {@code spec}'s weight settings for layer {@code layerIndex} (its own overrides are ignored). */
    public QuantSpec withLayer(int layerIndex, QuantSpec spec) {
        checkIndex(layerIndex);
        Map<Integer, QuantSpec> o = new TreeMap<>(overrides);
        o.put(layerIndex, Objects.requireNonNull(spec, "spec"));
        return new QuantSpec(weights, onOutputAxis, activationBits, o, floatLayers);
    }

    /** Keeps layer {@code layerIndex} in FP32. */
    public QuantSpec keepFloat(int layerIndex) {
        checkIndex(layerIndex);
        Set<Integer> f = new TreeSet<>(floatLayers);
        f.add(layerIndex);
        return new QuantSpec(weights, onOutputAxis, activationBits, overrides, f);
    }

    /** The weight spec of layer {@code layerIndex}, or empty if it is kept FP32. */
    public Optional<QuantSpec> forLayer(int layerIndex) {
        if (floatLayers.contains(layerIndex)) {
            return Optional.empty();
        }
        return Optional.of(overrides.getOrDefault(layerIndex, this));
    }

    /** The tensor quantizer for a weight of this layout (per-channel/per-group on the layout's output axis). */
    public Quantizer quantizerFor(WeightLayout layout) {
        if (!onOutputAxis) {
            return weights;
        }
        Granularity g = weights.granularity();
        if (g instanceof Granularity.PerGroup group) {
            return weights.perGroup(group.groupSize(), layout.outputAxis());
        }
        return g instanceof Granularity.PerChannel ? weights.perChannel(layout.outputAxis()) : weights;
    }

    /** The weight quantizer; after {@link #perChannel()} its axis is replaced by each layer's output axis. */
    public Quantizer weights() {
        return weights;
    }

    /** Bits of the activation quantizer, or 0 when activations stay FP32. */
    public int activationBits() {
        return activationBits;
    }

    /** The weight scheme. */
    public Scheme scheme() {
        return weights.scheme();
    }

    /** Bits per weight code. */
    public int bits() {
        return weights.bits();
    }

    /** True when weights are per-group (then biases stay FP32 even with activation quantization). */
    public boolean isPerGroup() {
        return weights.granularity() instanceof Granularity.PerGroup;
    }

    @Override
    public String toString() {
        return "QuantSpec[" + weights + (onOutputAxis ? " on each layer's output axis" : "")
                + (activationBits > 0 ? ", activations " + activationBits + " bits" : "")
                + (overrides.isEmpty() ? "" : ", overrides " + overrides.keySet())
                + (floatLayers.isEmpty() ? "" : ", fp32 layers " + floatLayers) + "]";
    }

    private QuantSpec withWeights(Quantizer q, boolean outputAxis) {
        return new QuantSpec(q, outputAxis, activationBits, overrides, floatLayers);
    }

    private static void checkIndex(int layerIndex) {
        if (layerIndex < 0) {
            throw new IllegalArgumentException("layer index must be >= 0, got " + layerIndex);
        }
    }
}
