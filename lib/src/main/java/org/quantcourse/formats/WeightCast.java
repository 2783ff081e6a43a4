package org.quantcourse.formats;

import java.util.Objects;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.quant.QuantError;
import org.quantcourse.quant.Quantizer;

/**
 * Casts every weight "W" of a network to a number format (biases stay FP32), returning a new network, so that
 * accuracy and SQNR can be compared per format. Used in notebook 07:
 * {@code WeightCast.to(FloatFormat.BF16).apply(net)}.
 *
 * @param name the name in result tables, e.g. {@code "BF16"}, {@code "FP8 E4M3 (scaled)"}, {@code "INT8"}
 * @param bits bits per weight
 * @param cast what becomes of one weight tensor
 */
public record WeightCast(String name, int bits, Function<NetworkWeights.Weight, INDArray> cast) {

    /** Checks the fields. */
    public WeightCast {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cast, "cast");
    }

    /** Each weight rounded to the nearest value of {@code format} (ties to even), as it is. */
    public static WeightCast to(FloatFormat format) {
        return new WeightCast(format.name(), format.bits(), w -> round(w.values(), format, 1f));
    }

    /**
     * Each weight tensor divided by a per-tensor FP32 scale {@code s = max|w| / max(format)}, rounded to the
     * format and multiplied back: how FP8 is used in practice, so the weights fill the format's range instead of
     * falling into its subnormals.
     */
    public static WeightCast scaledTo(FloatFormat format) {
        return new WeightCast(format.name() + " (scaled)", format.bits(),
                w -> round(w.values(), format, (float) (w.values().amaxNumber().doubleValue() / format.maxFinite())));
    }

    /** Integer codes with one symmetric scale per output channel ({@code Quantizer.symmetric(b).perChannel(axis)}). */
    public static WeightCast to(IntegerFormat format) {
        return new WeightCast(format.name(), format.bits(),
                w -> Quantizer.symmetric(format.bits()).perChannel(w.channelAxis()).fakeQuantize(w.values()));
    }

    /** A copy of {@code net} with cast weights, and how far they are from the originals. */
    public CastNetwork apply(MultiLayerNetwork net) {
        MultiLayerNetwork cast = NetworkWeights.withWeights(net, this.cast);
        QuantError error = QuantError.of(NetworkWeights.flattened(net), NetworkWeights.flattened(cast));
        return new CastNetwork(name, bits, cast, error);
    }

    /**
     * A network with cast weights.
     *
     * @param name the cast's name
     * @param bits bits per weight
     * @param network the new network
     * @param error the weights' error against the originals (SQNR over all weights together)
     */
    public record CastNetwork(String name, int bits, MultiLayerNetwork network, QuantError error) {}

    private static INDArray round(INDArray w, FloatFormat format, float scale) {
        float s = scale > 0 && Float.isFinite(scale) ? scale : 1f;
        float[] v = w.dup('c').reshape(w.length()).toFloatVector();
        for (int i = 0; i < v.length; i++) {
            v[i] = format.round(v[i] / s) * s;
        }
        return Nd4j.create(v, w.shape(), 'c');
    }
}
