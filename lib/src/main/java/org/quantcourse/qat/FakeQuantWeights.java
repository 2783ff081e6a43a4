package org.quantcourse.qat;

import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.quantcourse.quant.FakeQuantize;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;

/**
 * Fake quantization of a layer's weights with one of the course's quantizers ({@link Quantizer}): symmetric or
 * asymmetric at k bits with min-max scales, binary ({@code sign(w)·mean|w|}, XNOR-Net's scale; BinaryConnect
 * training) or ternary (TWN: threshold {@code 0.7·mean|w|}), per tensor or per output channel. The scales follow
 * the float weights at every step, so what the network computes is exactly what {@code ModelQuantizer} stores for
 * the same quantizer. Clipped STE cuts the gradient where a uniform quantizer clips (never, with min-max scales) and,
 * for binary and ternary weights, where {@code |w| > 1} (BinaryConnect). Saved in the network's JSON. Used in
 * notebooks 11 and 12.
 */
public final class FakeQuantWeights implements QatWeights {

    private static final long serialVersionUID = 1L;
    /** BinaryConnect's range of the latent weights: the gradient is cut where {@code |w|} exceeds it. */
    public static final double SIGN_RANGE = 1.0;

    @JsonProperty
    private Scheme scheme;
    @JsonProperty
    private int bits;
    @JsonProperty
    private int channelAxis;
    @JsonProperty
    private SteMode ste;
    private transient Quantizer quantizer;

    private FakeQuantWeights() {
        // for DL4J's JSON
    }

    private FakeQuantWeights(Scheme scheme, int bits, int channelAxis, SteMode ste) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.bits = bits;
        this.channelAxis = channelAxis;
        this.ste = Objects.requireNonNull(ste, "ste");
        quantizer();
    }

    /**
     * Weights quantized like {@code Quantizer.of(scheme, bits)} (symmetric 1 bit is binary), one scale per output
     * channel on {@code channelAxis} (0 for convolutions, 1 for dense layers; -1 for one scale per tensor).
     */
    public static FakeQuantWeights of(Scheme scheme, int bits, int channelAxis, SteMode ste) {
        if (channelAxis < -1) {
            throw new IllegalArgumentException("channel axis " + channelAxis + ": use -1 (per tensor), 0 (conv) or 1 (dense)");
        }
        return new FakeQuantWeights(scheme, bits, channelAxis, ste);
    }

    /** The quantizer applied in the forward pass. */
    public Quantizer quantizer() {
        if (quantizer == null) {
            Quantizer q = Quantizer.of(scheme, bits);
            quantizer = channelAxis >= 0 ? q.perChannel(channelAxis) : q;
        }
        return quantizer;
    }

    /** The estimator. */
    public SteMode ste() {
        return ste;
    }

    @Override
    public INDArray project(INDArray weights) {
        return quantizer().fakeQuantize(weights).castTo(weights.dataType());
    }

    @Override
    public INDArray gradientMask(INDArray weights) {
        if (ste == SteMode.PLAIN) {
            return Nd4j.ones(weights.dataType(), weights.shape());
        }
        if (scheme == Scheme.BINARY || scheme == Scheme.TERNARY) {
            return Transforms.abs(weights, true).lte(SIGN_RANGE).castTo(weights.dataType());
        }
        return FakeQuantize.steMask(weights, quantizer().params(weights)).castTo(weights.dataType());
    }

    /**
     * Clipped STE masks the gradient; symmetric min-max scales never clip ({@code s·qmin ≤ −max|w|} and
     * {@code s·qmax = max|w|}), so there the mask, all ones, is skipped (it cost a pass over every weight per step).
     */
    @Override
    public void afterGradient(INDArray weights, INDArray gradient) {
        if (ste == SteMode.CLIPPED && scheme != Scheme.SYMMETRIC) {
            gradient.muli(gradientMask(weights));
        }
    }

    @Override
    public String describe() {
        String what = switch (scheme) {
            case BINARY -> "binary";
            case TERNARY -> "ternary";
            default -> bits + "-bit " + scheme.name().toLowerCase(Locale.ROOT);
        };
        return what + (channelAxis >= 0 ? " per channel" : " per tensor") + ", " + ste.name().toLowerCase(Locale.ROOT)
                + " STE";
    }

    @Override
    public FakeQuantWeights clone() {
        return new FakeQuantWeights(scheme, bits, channelAxis, ste);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FakeQuantWeights f && f.scheme == scheme && f.bits == bits
                && f.channelAxis == channelAxis && f.ste == ste;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, bits, channelAxis, ste);
    }

    @Override
    public String toString() {
        return "FakeQuantWeights(" + describe() + ")";
    }
}
