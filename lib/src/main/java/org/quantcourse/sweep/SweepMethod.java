package org.quantcourse.sweep;

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
 * Used in notebook 06.
 */
public record SweepMethod(String name, IntFunction<QuantSpec> spec, boolean article, int fixedBits) {

    /** A uniform scheme, per tensor or per output channel; symmetric 1-bit is binary (sign · mean|w|). */
    public static SweepMethod uniform(Scheme scheme, boolean perChannel) {
        String name = scheme.name().toLowerCase() + (perChannel ? " per-channel" : " per-tensor");
        return new SweepMethod(name, bits -> {
            QuantSpec s = QuantSpec.of(scheme, bits);
            return perChannel ? s.perChannel() : s.perTensor();
        }, false, 0);
    }

    /** Ternary weights (TWN), 2 bits of storage, per output channel when asked. */
    public static SweepMethod ternary(boolean perChannel) {
        return new SweepMethod("ternary" + (perChannel ? " per-channel" : " per-tensor"),
                bits -> perChannel ? QuantSpec.ternary().perChannel() : QuantSpec.ternary(), false, 2);
    }

    /** The article's quantize() exactly as written (see {@link ArticleQuantizer}). */
    public static SweepMethod articleAsWritten() {
        return new SweepMethod("article's quantize()", bits -> null, true, 0);
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
}
