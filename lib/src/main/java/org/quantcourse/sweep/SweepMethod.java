package org.quantcourse.sweep;

import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.compress.ArticleQuantizer;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.eval.Predictor;
import org.quantcourse.quant.Scheme;

/**
 * One line of the accuracy-against-bit-width plot: how a network is quantized at a given bit width. Uniform methods
 * give a compressed model (so their size is known); the article's method changes weights in place and saves nothing.
 * The constants are the keys a {@link SweepResult} is read with, e.g. {@code sweep.accuracy(SYMMETRIC_PER_CHANNEL, 4)};
 * the name is the label in tables and plots. Used in notebook 06.
 */
public record SweepMethod(String name, IntFunction<QuantSpec> spec, boolean article, int fixedBits) {

    /** Symmetric, one scale per tensor; at 1 bit binary (sign · mean|w|). */
    public static final SweepMethod SYMMETRIC_PER_TENSOR = uniformMethod(Scheme.SYMMETRIC, false);
    /** Symmetric, one scale per output channel; at 1 bit binary per channel. */
    public static final SweepMethod SYMMETRIC_PER_CHANNEL = uniformMethod(Scheme.SYMMETRIC, true);
    /** Asymmetric (scale and zero-point), per tensor. */
    public static final SweepMethod ASYMMETRIC_PER_TENSOR = uniformMethod(Scheme.ASYMMETRIC, false);
    /** Asymmetric (scale and zero-point), per output channel. */
    public static final SweepMethod ASYMMETRIC_PER_CHANNEL = uniformMethod(Scheme.ASYMMETRIC, true);
    /** Ternary weights (TWN) with one scale per tensor, 2 bits of storage. */
    public static final SweepMethod TERNARY_PER_TENSOR = ternaryMethod(false);
    /** Ternary weights (TWN) with one scale per output channel, 2 bits of storage. */
    public static final SweepMethod TERNARY_PER_CHANNEL = ternaryMethod(true);
    /** The article's quantize() exactly as written (see {@link ArticleQuantizer}). */
    public static final SweepMethod ARTICLE = new SweepMethod("article's quantize()", bits -> null, true, 0);
    /** The four uniform methods of the article's plot: {symmetric, asymmetric} × {per-tensor, per-channel}. */
    public static final List<SweepMethod> UNIFORM = List.of(SYMMETRIC_PER_TENSOR, SYMMETRIC_PER_CHANNEL,
            ASYMMETRIC_PER_TENSOR, ASYMMETRIC_PER_CHANNEL);

    /** A uniform scheme, per tensor or per output channel: one of the four uniform constants. */
    public static SweepMethod uniform(Scheme scheme, boolean perChannel) {
        if (!scheme.isUniform()) {
            throw new IllegalArgumentException(scheme + " is not a uniform scheme: use ternary(perChannel) or"
                    + " SYMMETRIC_PER_TENSOR (binary at 1 bit)");
        }
        return UNIFORM.get((scheme == Scheme.SYMMETRIC ? 0 : 2) + (perChannel ? 1 : 0));
    }

    /** Ternary weights (TWN), per output channel when asked: {@link #TERNARY_PER_CHANNEL} or {@link #TERNARY_PER_TENSOR}. */
    public static SweepMethod ternary(boolean perChannel) {
        return perChannel ? TERNARY_PER_CHANNEL : TERNARY_PER_TENSOR;
    }

    /** The article's quantize() exactly as written: {@link #ARTICLE}. */
    public static SweepMethod articleAsWritten() {
        return ARTICLE;
    }

    /** Whether this method has a variant with {@code bits} bits (ternary only has 2). */
    public boolean supports(int bits) {
        return fixedBits == 0 || fixedBits == bits;
    }

    /** The compressed model at {@code bits}, or null for the article's method (which stores nothing). */
    public CompressedModel compress(MultiLayerNetwork net, int bits) {
        return article ? null : ModelQuantizer.quantize(net, spec.apply(bits));
    }

    /** What to evaluate: the compressed model itself, or the article's in-place result on a copy. */
    public Predictor predictor(MultiLayerNetwork net, CompressedModel compressed, int bits) {
        return article ? Predictor.of(ArticleQuantizer.apply(net, bits)) : compressed;
    }

    @Override
    public String toString() {
        return name;
    }

    private static SweepMethod uniformMethod(Scheme scheme, boolean perChannel) {
        String name = scheme.name().toLowerCase() + (perChannel ? " per-channel" : " per-tensor");
        return new SweepMethod(name, bits -> {
            QuantSpec s = QuantSpec.of(scheme, bits);
            return perChannel ? s.perChannel() : s.perTensor();
        }, false, 0);
    }

    private static SweepMethod ternaryMethod(boolean perChannel) {
        return new SweepMethod("ternary" + (perChannel ? " per-channel" : " per-tensor"),
                bits -> perChannel ? QuantSpec.ternary().perChannel() : QuantSpec.ternary(), false, 2);
    }
}
