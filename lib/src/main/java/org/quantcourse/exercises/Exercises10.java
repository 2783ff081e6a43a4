package org.quantcourse.exercises;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.integer.QuantizedModel;
import org.quantcourse.integer.StaticQuantizer;
import org.quantcourse.onnx.OnnxExport;

/** Checks for the exercises of notebook 10 (deploying with ONNX Runtime), judged under {@link Attempts}. */
public final class Exercises10 {

    /** The attempts the checks count against (tests replace them with a fixed clock). */
    static Attempts attempts = Attempts.standard();

    /** How far a ratio predicted from the parameter counts may be from the measured file sizes (graph, names). */
    private static final double RATIO_TOLERANCE = 0.1;
    /**
     * Training images the check calibrates on: the files store every tensor as raw bytes, so their sizes do not
     * depend on the calibrated values, and a few images give the sizes of the notebook's 1,000-image calibration.
     */
    static final int CALIBRATION_IMAGES = 64;

    private Exercises10() {
    }

    /**
     * Exercise 10.1: how many times smaller the int8 QDQ file is than the FP32 ONNX file, predicted from what each
     * file stores per parameter; judged against the measured sizes within 0.1.
     */
    public static CheckResult fileSizeRatio(double answer) {
        MultiLayerNetwork net = CourseModel.trained().network();
        INDArray calibration = CourseData.load().train().limit(CALIBRATION_IMAGES).features();
        return fileSizeRatio(net, StaticQuantizer.quantize(net, calibration), answer);
    }

    /** The check of 10.1 for a given network and its quantized model. */
    static CheckResult fileSizeRatio(MultiLayerNetwork net, QuantizedModel model, double answer) {
        long fp32 = OnnxExport.fp32(net, model.channels(), model.height(), model.width()).getSerializedSize();
        long int8 = OnnxExport.qdq(model).getSerializedSize();
        return attempts.number("Exercise 10.1", answer, (double) fp32 / int8, RATIO_TOLERANCE, Hints.of(
                "not simply 4: count what the int8 file stores for each weight, each bias and each output channel",
                "W = 250,120 weights, C = 206 output channels (= biases): FP32 stores 4(W + C) bytes; int8 stores W"
                        + " bytes, an int32 bias, and per channel a float weight scale, an int8 weight zero-point,"
                        + " a float bias scale and an int32 bias zero-point"));
    }

    /** Exercise 10.2: by how much the worst-case pair sum of {@code vpmaddubsw} exceeds the largest int16. */
    public static CheckResult int16Overflow(long answer) {
        long worst = 2L * 255 * 127;
        return attempts.number("Exercise 10.2", answer, worst - Short.MAX_VALUE, 0, Hints.of(
                "the largest int16 is 2^15 − 1; the largest pair sum takes the largest code of each type twice",
                "two products of 255 (largest uint8) and 127 (largest symmetric int8), summed, minus 32,767"));
    }

    /**
     * One case of Exercise 10.3: values to send through an int8 QuantizeLinear → DequantizeLinear pair with
     * {@code scale} and {@code zeroPoint} (in {@code [-128, 127]}).
     *
     * @param values the float inputs
     * @param scale the positive scale
     * @param zeroPoint the int8 zero-point
     */
    public record QuantizeCase(float[] values, float scale, int zeroPoint) {
        /** Copies the values. */
        public QuantizeCase {
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public String toString() {
            return "values " + Arrays.toString(values) + ", scale " + scale + ", zero-point " + zeroPoint;
        }
    }

    /**
     * Exercise 10.3: the student's int8 QuantizeLinear + DequantizeLinear, {@code (clamp(rint(x / s) + z, -128, 127)
     * - z) s}, checked on random cases full of exact ties and values beyond the range.
     */
    public static CodingExercise<QuantizeCase, float[]> quantizeLinearInt8() {
        return quantizeLinearInt8(System.nanoTime());
    }

    static CodingExercise<QuantizeCase, float[]> quantizeLinearInt8(long seed) {
        return CodingExercise.<QuantizeCase, float[]>named("Exercise 10.3").input(Exercises10::randomCase,
                QuantizeCase::toString).reference(Exercises10::int8RoundTrip)
                .hints("ONNX rounds half to EVEN (Math.rint), not half up or away from zero (Math.round), and"
                        + " saturates: int8 codes live in [-128, 127]",
                        "q = clamp(Math.rint(x / s) + z, -128, 127); the output is (q - z) * s, as a float")
                .judgedBy(attempts, seed)
                .build();
    }

    /** The reference of 10.3. */
    static float[] int8RoundTrip(QuantizeCase c) {
        float[] x = c.values();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float q = Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, (float) Math.rint(x[i] / c.scale())
                    + c.zeroPoint()));
            out[i] = (q - c.zeroPoint()) * c.scale();
        }
        return out;
    }

    /** Eight values: exact ties {@code s (k + 1/2)}, ordinary values, and values far outside the range. */
    private static QuantizeCase randomCase(Random random) {
        float scale = (float) Math.scalb(1.0, -random.nextInt(8)) * (random.nextBoolean() ? 1 : 0.75f);
        int zeroPoint = random.nextInt(61) - 30;
        float[] values = new float[8];
        for (int i = 0; i < values.length; i++) {
            int k = random.nextInt(300) - 150;
            values[i] = switch (i % 3) {
                case 0 -> scale * (k + 0.5f);
                case 1 -> (float) (random.nextGaussian() * 60 * scale);
                default -> scale * k * 3;
            };
        }
        return new QuantizeCase(values, scale, zeroPoint);
    }

    /** Exercise 10.4: why ORT int8 is not 4× faster than ORT FP32 on a CPU with AVX2 but no VNNI. */
    public static ChoiceQuestion int8Speedup() {
        return ChoiceQuestion.of("Exercise 10.4", 'B', "The 4× is a ratio of bytes, and this small model is bound by"
                + " instructions, not memory. Without VNNI an int8 multiply-add takes vpmaddubsw + vpmaddwd + vpaddd"
                + " (32 products in 3 instructions, against 8 in one vfmadd231ps for FP32), and int8 adds work of its"
                + " own: quantizing the input, requantizing every output, transposing to NHWC. VNNI's vpdpbusd (or"
                + " AMX) is what makes int8 several times faster per instruction.", Hints.of(
                        "ORT really runs integer operators here: the optimized graph lists QLinearConv and QGemm",
                        "count instructions per multiply-add on AVX2 for u8×s8 and for FP32, and what else int8 must"
                                + " do between layers"))
                .judgedBy(attempts);
    }
}
