package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.quantcourse.eval.ModelComparison;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.train.ArticleCnn;

/** Checks for the exercises of notebook 05 (compress the CNN), judged under {@link Attempts}. */
public final class Exercises05 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final long BUDGET_BYTES = 100_000;

    private Exercises05() {
    }

    /** One case of Exercise 5.4: unsigned codes, each in [0, 2^bits − 1], and their bit width. */
    public record Codes(int[] codes, int bits) {
        @Override
        public String toString() {
            return "codes = " + Arrays.toString(codes) + ", bits = " + bits;
        }
    }

    /** Exercise 5.1: bytes of fc1's weights as packed 4-bit codes. */
    public static CheckResult fc1PackedBytes(long answer) {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long expected = BitPacker.packedLength(net.getLayer(3).getParam("W").length(), 4);
        return attempts.number("Exercise 5.1", answer, expected, 0, Hints.of(
                "how many codes, how many bits each, how many bits in a byte?",
                "2304 × 100 codes of 4 bits, 8 bits per byte"));
    }

    /**
     * Exercise 5.2: the largest bit width at which every weight of the network (biases and scales aside) still fits
     * in 100,000 packed bytes: the largest {@code b} with {@code ceil(n b / 8) <= 100,000}.
     */
    public static CheckResult bitsToFit100kB(int answer) {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long weights = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            weights += net.getLayer(i).getParam("W") == null ? 0 : net.getLayer(i).getParam("W").length();
        }
        return bitsToFit(weights, answer);
    }

    /** The check of 5.2 for {@code weights} weights: the answer must fit, and one more bit must not. */
    static CheckResult bitsToFit(long weights, int answer) {
        boolean fits = answer >= 1 && answer <= 16 && BitPacker.packedLength(weights, answer) <= BUDGET_BYTES;
        boolean widestThatFits = fits && (answer == 16 || BitPacker.packedLength(weights, answer + 1) > BUDGET_BYTES);
        return attempts.judge("Exercise 5.2", widestThatFits, () -> answer + " bits take "
                        + BitPacker.packedLength(weights, answer) + " bytes"
                        + (answer < 16 ? ", " + (answer + 1) + " bits would take "
                                + BitPacker.packedLength(weights, answer + 1) : ""),
                "your answer " + answer + " is not the widest code that fits.", Hints.of(
                        "count the weights of every layer (biases aside) first",
                        "find the largest b with ceil(count · b / 8) ≤ 100,000"));
    }

    /** Exercise 5.3: KL(q || p) for p = (0.7, 0.2, 0.1), q = (0.5, 0.3, 0.2). */
    public static CheckResult reverseKl(double answer) {
        var p = Nd4j.createFromArray(new float[][] {{0.7f, 0.2f, 0.1f}});
        var q = Nd4j.createFromArray(new float[][] {{0.5f, 0.3f, 0.2f}});
        var label = Nd4j.createFromArray(new float[][] {{1f, 0f, 0f}});
        double expected = ModelComparison.fromPredictions(q, p, label).klDivergence();
        return attempts.number("Exercise 5.3", answer, expected, 1e-4, Hints.of(
                "KL(a‖b) weights the log-ratio by the first distribution, a",
                "KL(q‖p) = Σ q_c · ln(q_c / p_c): now q is the reference"));
    }

    /** Exercise 5.4: the student writes the packer: codes into bytes, least significant bit first, as the file does. */
    public static CodingExercise<Codes, byte[]> packer() {
        return packer(System.nanoTime());
    }

    static CodingExercise<Codes, byte[]> packer(long seed) {
        return CodingExercise.<Codes, byte[]>named("Exercise 5.4")
                .input(Exercises05::randomCodes, Codes::toString)
                .reference(c -> BitPacker.pack(c.codes(), c.bits()))
                .hints("ceil(n · bits / 8) bytes; code i takes bits i·bits … i·bits + bits − 1 of the stream",
                        "bit k of the stream is bit (k % 8) of byte k / 8; for each code and each of its bits j:"
                                + " if ((code >> j) & 1) == 1, set bit (i·bits + j) with out[k / 8] |= 1 << (k % 8)")
                .judgedBy(attempts, seed)
                .build();
    }

    private static Codes randomCodes(Random random) {
        int bits = 1 + random.nextInt(8);
        int[] codes = new int[1 + random.nextInt(9)];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = random.nextInt(1 << bits);
        }
        return new Codes(codes, bits);
    }

    /** Exercise 5.5: what weight-only 4-bit quantization does to inference speed. */
    public static ChoiceQuestion speedQuestion() {
        return ChoiceQuestion.of("Exercise 5.5", 'C',
                "the network is rebuilt with the dequantized FP32 weights, so every multiply is the same FP32 multiply"
                        + " as before: weight-only quantization saves memory, disk and bandwidth, not arithmetic. Integer"
                        + " speed needs integer kernels and quantized activations too.",
                Hints.of("what does the network hold after CompressedModel is reloaded: codes or floats?",
                        "look at what the multiply in a layer works on once the weights are dequantized"))
                .judgedBy(attempts);
    }
}
