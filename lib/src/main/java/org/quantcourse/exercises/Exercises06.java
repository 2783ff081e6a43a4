package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.course.CourseSettings;
import org.quantcourse.data.ImageDataset;
import org.quantcourse.sweep.BitWidthSweep;
import org.quantcourse.sweep.SweepMethod;
import org.quantcourse.sweep.SweepResult;
import org.quantcourse.train.TrainedModel;

/** Checks for the exercises of notebook 06 (accuracy against bit width), judged under {@link Attempts}. */
public final class Exercises06 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    private static final double ONE_POINT = 0.01;
    /** The sweeps Exercise 6.1 has measured in this session, by course model and test set. */
    private static final Map<String, SweepResult> SWEEPS = new ConcurrentHashMap<>();

    private Exercises06() {
    }

    /** One case of Exercise 6.4: FP32 accuracy, accuracies at 1…8 bits (index 0 = 1 bit), the allowed drop. */
    public record Sweep(double fp32, double[] accuracyByBits, double tolerance) {
        @Override
        public String toString() {
            return "fp32 = " + fp32 + ", accuracyByBits = " + Arrays.toString(accuracyByBits) + ", tolerance = "
                    + tolerance;
        }
    }

    /**
     * Exercise 6.1: the fewest bits at which asymmetric per-channel stays within 1 point of FP32. The sweep it checks
     * against is measured once per session, course model and test set: a second attempt is answered at once.
     */
    public static CheckResult fewestBitsAsymmetricPerChannel(int answer) {
        TrainedModel model = CourseModel.trained();
        ImageDataset test = CourseData.load().test();
        SweepResult result = SWEEPS.computeIfAbsent(model.key() + " on " + test.fingerprint(),
                key -> BitWidthSweep.of(model.network()).method(SweepMethod.ASYMMETRIC_PER_CHANNEL).bits(1, 8)
                        .run(test.iterator(500, CourseSettings.seed())));
        return fewestBitsAsymmetricPerChannel(result, answer);
    }

    /** The check of 6.1 on a measured sweep. */
    static CheckResult fewestBitsAsymmetricPerChannel(SweepResult result, int answer) {
        int expected = result.smallestBitsWithin(SweepMethod.ASYMMETRIC_PER_CHANNEL, ONE_POINT).orElse(-1);
        return attempts.number("Exercise 6.1", answer, expected, 0, Hints.of(
                "within 1 point means FP32 − accuracy ≤ 0.01, at that width and every wider one",
                "start at 8 bits in sweep.method(\"asymmetric per-channel\") and go down while FP32 − accuracy ≤ 0.01"));
    }

    /** Exercise 6.2: the compression ratio of the 4-bit symmetric per-channel model, to one decimal. */
    public static CheckResult compressionRatio4Bit(double answer) {
        return compressionRatio4Bit(CourseModel.trained().network(), answer);
    }

    /** The check of 6.2 for a given network. */
    static CheckResult compressionRatio4Bit(MultiLayerNetwork net, double answer) {
        double expected = ModelQuantizer.quantize(net, QuantSpec.symmetric(4).perChannel()).sizeReport()
                .compressionRatio();
        return attempts.number("Exercise 6.2", answer, expected, 0.05, Hints.of(
                "a ratio of two sizes: FP32 over compressed, so larger than 1",
                "FP32 bytes (4 per parameter) over stored bytes: see the 'stored bytes' column, or sizeReport()"));
    }

    /** Exercise 6.3: the SQNR gained by going from 4 to 6 bits, by the 6-dB-per-bit rule. */
    public static CheckResult sqnrGainFrom4To6Bits(double answer) {
        return attempts.number("Exercise 6.3", answer, 2 * 20 * Math.log10(2), 0.05, Hints.of(
                "two more bits; what does one more bit do to the step s?",
                "each extra bit halves the step and quarters the noise power: 10·log10(4) ≈ 6.02 dB per bit"));
    }

    /**
     * Exercise 6.4: the student writes the choice of bit width: the fewest bits b such that b and every wider width
     * stay within the tolerance of FP32, or −1 when even 8 bits do not.
     */
    public static CodingExercise<Sweep, Integer> fewestBits() {
        return fewestBits(System.nanoTime());
    }

    static CodingExercise<Sweep, Integer> fewestBits(long seed) {
        return CodingExercise.<Sweep, Integer>named("Exercise 6.4")
                .input(Exercises06::randomSweep, Sweep::toString)
                .reference(Exercises06::fewest)
                .hints("a lucky low width (like binary at 1 bit beating 2 bits) does not count if a wider one fails",
                        "walk down from 8 bits (index 7) while fp32 − accuracyByBits[b − 1] ≤ tolerance; answer the"
                                + " last b that passed, or −1 if 8 bits already fail")
                .judgedBy(attempts, seed)
                .build();
    }

    private static Sweep randomSweep(Random random) {
        double fp32 = 0.9 + random.nextDouble() * 0.09;
        double[] accuracy = new double[8];
        double knee = 1 + random.nextInt(8);
        for (int b = 1; b <= 8; b++) {
            double drop = b >= knee ? random.nextDouble() * 0.015 : 0.05 + random.nextDouble() * 0.5;
            accuracy[b - 1] = fp32 - drop;
        }
        if (random.nextBoolean()) {
            accuracy[0] = fp32 - random.nextDouble() * 0.005;
        }
        return new Sweep(fp32, accuracy, random.nextBoolean() ? 0.01 : 0.005);
    }

    private static Integer fewest(Sweep c) {
        int smallest = -1;
        for (int b = 8; b >= 1; b--) {
            if (c.fp32() - c.accuracyByBits()[b - 1] > c.tolerance()) {
                break;
            }
            smallest = b;
        }
        return smallest;
    }

    /** Exercise 6.5: why symmetric per-tensor collapses at 2 bits while asymmetric per-channel does not. */
    public static ChoiceQuestion twoBitQuestion() {
        return ChoiceQuestion.of("Exercise 6.5", 'D',
                "with 2 bits the symmetric grid is {−s, 0, s} with s = max|w|, set by the largest weight of the whole"
                        + " tensor: nearly every weight is below s/2 and becomes 0. Asymmetric per-channel uses all four"
                        + " codes and a scale per output channel fitted to that channel's range.",
                Hints.of("write the 2-bit symmetric codes and the scale min-max gives them",
                        "which weights round to a non-zero code when s = max|w|?"))
                .judgedBy(attempts);
    }
}
