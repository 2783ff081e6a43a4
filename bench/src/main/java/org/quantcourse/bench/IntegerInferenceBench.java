package org.quantcourse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.quantcourse.course.CourseData;
import org.quantcourse.course.CourseModel;
import org.quantcourse.data.DatasetSplit;
import org.quantcourse.integer.CodeComparison;
import org.quantcourse.integer.FakeQuantSimulation;
import org.quantcourse.integer.IntegerEngine;
import org.quantcourse.integer.Predictions;
import org.quantcourse.integer.QuantizedModel;
import org.quantcourse.integer.Requantization;
import org.quantcourse.integer.StaticQuantizer;
import org.quantcourse.onnx.OnnxExport;
import org.quantcourse.onnx.OrtModel;
import org.quantcourse.onnx.WeightEncoding;
import org.quantcourse.speed.CpuInfo;
import org.quantcourse.speed.Throughput;
import onnx.Onnx.ModelProto;

/**
 * Notebooks 09 and 10 measured with more repetitions: the cached course model (trained if missing, size knobs
 * {@code COURSE_*} apply) quantized statically (min-max calibration on 1,000 training images); accuracy and
 * agreement of the integer engine, its fake-quant simulation, DL4J FP32 and ONNX Runtime FP32 / int8 QDQ on the
 * test set; throughput at batch 1 and 256 of every engine. Writes {@code build/bench/09_integer_inference.csv}
 * ({@code engine,accuracy,code_agreement,argmax_agreement,images_per_second}) and
 * {@code build/bench/10_onnx_runtime.csv} ({@code engine,precision,batch,images_per_second,accuracy,file_bytes};
 * DL4J's file is the model zip without updater state, as notebook 10 writes it; {@code tools/bench_table.py} turns it
 * into the table of {@code bench/README.md}), the ONNX files under {@code build/bench/onnx/}, and prints the CPU, its ISA flags and the load average.
 *
 * <p>Usage: {@code IntegerInferenceBench [--threads=2] [--seconds=3]} (threads of ONNX Runtime and of the Java
 * engine; DL4J uses {@code OMP_NUM_THREADS}, by default all cores).
 */
public final class IntegerInferenceBench {
    private static final int CALIBRATION_IMAGES = 1000;
    private static final int[] BATCHES = {1, 256};
    private static final int CLASSES = 10;

    private final int threads;
    private final Duration budget;
    private final List<String> rows09 = new ArrayList<>();
    private final List<String> rows10 = new ArrayList<>();

    private IntegerInferenceBench(int threads, Duration budget) {
        this.threads = threads;
        this.budget = budget;
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        int threads = 2;
        double seconds = 3;
        for (String a : args) {
            if (a.startsWith("--threads=")) {
                threads = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--seconds=")) {
                seconds = Double.parseDouble(a.substring(10));
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; use --threads=N --seconds=S");
            }
        }
        new IntegerInferenceBench(threads, Duration.ofMillis((long) (seconds * 1000))).run(Path.of("build/bench"));
    }

    private void run(Path out) throws IOException {
        System.out.println("CPU: " + CpuInfo.current().summary());
        System.out.println("threads (ORT intra-op, Java engine): " + threads + "; load at start: " + load());
        var trained = CourseModel.trained();
        MultiLayerNetwork net = trained.network();
        DatasetSplit data = CourseData.load();
        INDArray test = data.test().features();
        int[] labels = data.test().labels();
        QuantizedModel model = StaticQuantizer.quantize(net, data.train().limit(CALIBRATION_IMAGES).features());
        Files.createDirectories(out.resolve("onnx"));

        int[] simCodes = FakeQuantSimulation.of(model).threads(threads).forwardCodes(test);
        int[] sim = Predictions.argmax(simCodes, CLASSES);
        int[] fp32 = Predictions.argmax(net.output(test).data().asFloat(), CLASSES);
        INDArray batch256 = test.get(NDArrayIndex.interval(0, 256)).dup();
        int[] codes256 = model.quantizeImages(batch256);

        Throughput dl4j256 = Throughput.measure("dl4j-fp32", 256, () -> net.output(batch256), budget);
        row09("dl4j-fp32", accuracy(fp32, labels), Double.NaN, Predictions.agreement(fp32, sim), dl4j256);
        Throughput sim256 = Throughput.measure("fake-quant-simulation", 256,
                () -> FakeQuantSimulation.of(model).threads(threads).forwardCodes(codes256, 256), budget);
        row09("fake-quant-simulation", accuracy(sim, labels), 1, 1, sim256);
        for (Requantization rule : Requantization.values()) {
            IntegerEngine engine = IntegerEngine.of(model).requantization(rule).threads(threads);
            int[] codes = engine.forwardCodes(test);
            Throughput t = Throughput.measure("integer-engine", 256, () -> engine.forwardCodes(codes256, 256), budget);
            int[] predicted = Predictions.argmax(codes, CLASSES);
            row09("integer-engine-" + rule.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    accuracy(predicted, labels), CodeComparison.of(codes, simCodes).agreement(),
                    Predictions.agreement(predicted, sim), t);
            System.out.printf("  %s vs simulation: %s%n", rule, CodeComparison.of(codes, simCodes));
        }

        int[] engine = IntegerEngine.of(model).threads(threads).predict(test);
        Path dl4jFile = out.resolve("onnx/course_cnn_fp32_dl4j.zip");
        ModelSerializer.writeModel(net, dl4jFile.toFile(), false); // weights + configuration, no updater state
        long dl4jBytes = Files.size(dl4jFile);
        for (int b : BATCHES) {
            INDArray images = test.get(NDArrayIndex.interval(0, b)).dup();
            row10(Throughput.measure("dl4j", b, () -> net.output(images), budget), "fp32", accuracy(fp32, labels),
                    dl4jBytes);
        }
        measureOrt("onnxruntime", "fp32", OnnxExport.fp32(net, 1, model.height(), model.width()), test, labels,
                out.resolve("onnx/course_cnn_fp32.onnx"), engine, sim);
        measureOrt("onnxruntime", "int8-qdq-u8s8", OnnxExport.qdq(model, WeightEncoding.INT8), test, labels,
                out.resolve("onnx/course_cnn_int8_qdq.onnx"), engine, sim);
        measureOrt("onnxruntime", "int8-qdq-u8u8", OnnxExport.qdq(model, WeightEncoding.UINT8_OFFSET_128), test,
                labels, out.resolve("onnx/course_cnn_int8_qdq_u8u8.onnx"), engine, sim);
        for (int b : BATCHES) {
            IntegerEngine e = IntegerEngine.of(model).threads(threads);
            int[] in = model.quantizeImages(test.get(NDArrayIndex.interval(0, b)).dup());
            row10(Throughput.measure("java-integer-engine", b, () -> e.forwardCodes(in, b), budget), "int8",
                    accuracy(engine, labels), model.parameterBytes());
        }
        write(out.resolve("09_integer_inference.csv"), "engine,accuracy,code_agreement,argmax_agreement,"
                + "images_per_second", rows09);
        write(out.resolve("10_onnx_runtime.csv"), "engine,precision,batch,images_per_second,accuracy,file_bytes",
                rows10);
        System.out.println("load at end: " + load());
    }

    private void measureOrt(String name, String precision, ModelProto proto, INDArray test, int[] labels, Path file,
            int[] engine, int[] sim) throws IOException {
        long bytes = OnnxExport.save(proto, file);
        try (OrtModel ort = OrtModel.load(proto, threads)) {
            int[] predicted = ort.predict(test, CLASSES);
            System.out.printf("%s %s: ORT runs %s; argmax agreement with the engine %.4f, with the simulation %.4f%n",
                    name, precision, ort.optimizedOperators(), Predictions.agreement(predicted, engine),
                    Predictions.agreement(predicted, sim));
            for (int b : BATCHES) {
                float[] images = test.get(NDArrayIndex.interval(0, b)).dup().data().asFloat();
                long[] shape = {b, 1, test.size(2), test.size(3)};
                row10(Throughput.measure(name, b, () -> ort.run(images, shape), budget), precision,
                        accuracy(predicted, labels), bytes);
            }
        }
    }

    private void row09(String engine, double accuracy, double codes, double argmax, Throughput t) {
        rows09.add(String.format("%s,%.4f,%s,%.4f,%.1f", engine, accuracy, Double.isNaN(codes) ? ""
                : String.format("%.6f", codes), argmax, t.imagesPerSecond()));
        System.out.println("09 " + rows09.get(rows09.size() - 1) + "   (median " + (int) t.medianImagesPerSecond()
                + ", load " + t.loadAverage() + ")");
    }

    private void row10(Throughput t, String precision, double accuracy, long bytes) {
        rows10.add(String.format("%s,%s,%d,%.1f,%.4f,%d", t.engine(), precision, t.batch(), t.imagesPerSecond(),
                accuracy, bytes));
        System.out.println("10 " + rows10.get(rows10.size() - 1) + "   (median " + (int) t.medianImagesPerSecond()
                + ", load " + t.loadAverage() + ")");
    }

    private static double accuracy(int[] predicted, int[] labels) {
        return Predictions.agreement(predicted, labels);
    }

    private static String load() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static void write(Path file, String header, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header));
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
