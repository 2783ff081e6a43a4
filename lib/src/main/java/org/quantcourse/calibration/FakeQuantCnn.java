package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.eval.Predictor;
import org.quantcourse.formats.IntegerFormat;
import org.quantcourse.formats.WeightCast;

/**
 * The simulation of an integer network in float ("fake quantization"), written out so that an integer engine
 * can be checked against it: weights fake-quantized per output channel, symmetric
 * ({@code Quantizer.symmetric(b).perChannel(axis)}, biases FP32), and the activation at every site fake-quantized
 * as {@link ActivationQuantization} says:
 * <pre>
 *   a0 = Q0(x);  a(i+1) = Q(i+1)( layer_i(a_i) )  with layer_i computed by DL4J in FP32 on the quantized values;
 *   the output layer's logits are quantized, then the softmax is applied in FP32.
 * </pre>
 * Used in notebook 08 (and, as the reference, in notebook 09).
 */
public final class FakeQuantCnn implements Predictor {
    private final MultiLayerNetwork network;
    private final int weightBits;
    private final ActivationQuantization activations;

    private FakeQuantCnn(MultiLayerNetwork network, int weightBits, ActivationQuantization activations) {
        this.network = network;
        this.weightBits = weightBits;
        this.activations = Objects.requireNonNull(activations, "activations");
    }

    /**
     * A copy of {@code net} with {@code bits}-bit per-channel symmetric fake-quantized weights (2..16 bits; 32
     * returns {@code net} itself): the network to calibrate and to run.
     */
    public static MultiLayerNetwork quantizedWeights(MultiLayerNetwork net, int bits) {
        if (bits == 32) {
            return net;
        }
        return WeightCast.to(new IntegerFormat("INT" + bits, bits)).apply(net).network();
    }

    /**
     * The simulation of {@code weightQuantized} (made by {@link #quantizedWeights}; its weight bits are stated
     * for the record) with the given activation quantization.
     */
    public static FakeQuantCnn of(MultiLayerNetwork weightQuantized, int weightBits, ActivationQuantization activations) {
        if (weightQuantized == null) {
            throw new IllegalArgumentException("network must not be null: pass FakeQuantCnn.quantizedWeights(net, bits)");
        }
        return new FakeQuantCnn(weightQuantized, weightBits, activations);
    }

    /** The network (with its fake-quantized weights). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Bits per weight (32 for FP32). */
    public int weightBits() {
        return weightBits;
    }

    /** The activation quantization. */
    public ActivationQuantization activations() {
        return activations;
    }

    @Override
    public INDArray probabilities(INDArray features) {
        return SiteForward.output(network, features, activations);
    }

    /** The fake-quantized activation of every site for {@code features}, input first (logits last). */
    public List<INDArray> siteActivations(INDArray features) {
        List<INDArray> out = new ArrayList<>();
        SiteForward.output(network, features, (site, a) -> {
            INDArray q = activations.at(site, a);
            out.add(q);
            return q;
        });
        return out;
    }

    @Override
    public String toString() {
        return "W" + weightBits + "A" + activations.bits() + " (" + activations.name() + ")";
    }
}
