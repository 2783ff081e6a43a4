package org.quantcourse.exercises;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.course.CourseSettings;
import org.quantcourse.sweep.BitWidthSweep;
import org.quantcourse.sweep.SweepMethod;
import org.quantcourse.sweep.SweepResult;

/** Checks for the exercises of notebook 06 (accuracy against bit width), measured on the cached model. */
public final class Exercises06 {

    private static final double ONE_POINT = 0.01;

    private Exercises06() {
    }

    /** Exercise 6.1: the fewest bits at which asymmetric per-channel stays within 1 point of FP32. */
    public static CheckResult fewestBitsAsymmetricPerChannel(int answer) {
        MultiLayerNetwork net = CourseModel.trained().network();
        var result = BitWidthSweep.of(net).method(SweepMethod.ASYMMETRIC_PER_CHANNEL).bits(1, 8)
                .run(CourseData.load().test().iterator(500, CourseSettings.seed()));
        return fewestBitsAsymmetricPerChannel(result, answer);
    }

    /** The check of 6.1 on a measured sweep. */
    static CheckResult fewestBitsAsymmetricPerChannel(SweepResult result, int answer) {
        int expected = result.smallestBitsWithin(SweepMethod.ASYMMETRIC_PER_CHANNEL, ONE_POINT).orElse(-1);
        return CheckResult.number("Exercise 6.1", answer, expected, 0,
                "start at 8 bits in sweep.method(\"asymmetric per-channel\") and go down while FP32 − accuracy ≤ 0.01");
    }

    /** Exercise 6.2: the compression ratio of the 4-bit symmetric per-channel model, to one decimal. */
    public static CheckResult compressionRatio4Bit(double answer) {
        return compressionRatio4Bit(CourseModel.trained().network(), answer);
    }

    /** The check of 6.2 for a given network. */
    static CheckResult compressionRatio4Bit(MultiLayerNetwork net, double answer) {
        double expected = ModelQuantizer.quantize(net, QuantSpec.symmetric(4).perChannel()).sizeReport()
                .compressionRatio();
        return CheckResult.number("Exercise 6.2", answer, expected, 0.05,
                "FP32 bytes (4 per parameter) over stored bytes: see the 'stored bytes' column, or sizeReport()");
    }

    /** Exercise 6.3: the SQNR gained by going from 4 to 6 bits, by the 6-dB-per-bit rule. */
    public static CheckResult sqnrGainFrom4To6Bits(double answer) {
        return CheckResult.number("Exercise 6.3", answer, 2 * 20 * Math.log10(2), 0.05,
                "each extra bit doubles the levels, so (for many levels) halves the step and quarters the noise"
                        + " power: 10·log10(4) ≈ 6.02 dB per bit");
    }
}
