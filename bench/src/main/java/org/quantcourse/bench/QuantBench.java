package org.quantcourse.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.compress.CompressedModelFile;
import org.quantcourse.compress.ModelQuantizer;
import org.quantcourse.compress.QuantSpec;
import org.quantcourse.quant.BitPacker;
import org.quantcourse.quant.MseClippingObserver;
import org.quantcourse.quant.QuantError;
import org.quantcourse.quant.QuantizedTensor;
import org.quantcourse.quant.Quantizer;
import org.quantcourse.quant.Scheme;

/**
 * Benchmark of the quantization library on the article's CNN: quantizing its four weight tensors (seeded random
 * values of the article's shapes) for a 1..8-bit sweep, quantizing a whole network of the same shapes, packing
 * codes, and saving the compressed model. Prints a table and writes {@code build/bench/quantization.csv} under
 * the working directory (first argument, or {@code user.dir}). Iterations: {@code -Dbench.warmup=3
 * -Dbench.iterations=10}.
 */
public final class QuantBench {
    private static final long SEED = 12345L;
    /** The article CNN's weights: conv1 [32,1,3,3], conv2 [64,32,3,3], fc1 [2304,100], fc2 [100,10] (DL4J layout). */
    private static final long[][] SHAPES = {{32, 1, 3, 3}, {64, 32, 3, 3}, {2304, 100}, {100, 10}};
    private static final int[] OUTPUT_AXIS = {0, 0, 1, 1};
    /** Group sizes dividing each layer's input per output channel: 9 = 1*3*3, 32 | 288, 32 | 2304, 10 | 100. */
    private static final int[] GROUP_SIZE = {9, 32, 32, 10};

    private final int warmup = Integer.getInteger("bench.warmup", 3);
    private final int iterations = Integer.getInteger("bench.iterations", 10);
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private QuantBench() {}

    /** Runs the benchmark; optional first argument: the working directory for {@code build/bench}. */
    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path root = Path.of(args.length > 0 ? args[0] : System.getProperty("user.dir"));
        QuantBench bench = new QuantBench();
        List<INDArray> weights = articleWeights();
        bench.warmUpJit(weights);
        bench.sweepTensors(weights);
        bench.packing(weights);
        bench.wholeNetwork(root);
        Path csv = root.resolve("build/bench/quantization.csv");
        bench.writeCsv(csv);
        System.out.println("wrote " + csv.toAbsolutePath());
    }

    private static List<INDArray> articleWeights() {
        Nd4j.getRandom().setSeed(SEED);
        List<INDArray> w = new ArrayList<>();
        for (long[] shape : SHAPES) {
            long fanIn = shape.length == 4 ? shape[1] * shape[2] * shape[3] : shape[0];
            w.add(Nd4j.randn(DataType.FLOAT, shape).muli(Math.sqrt(2.0 / fanIn)));
        }
        return w;
    }

    /** Runs every quantizer path a few times so that the first measured rows are not JIT warm-up. */
    private void warmUpJit(List<INDArray> weights) {
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < weights.size(); i++) {
                for (Quantizer q : new Quantizer[] {Quantizer.symmetric(4), Quantizer.asymmetric(4), Quantizer.binary(),
                        Quantizer.symmetric(4).perChannel(OUTPUT_AXIS[i])}) {
                    QuantError.of(weights.get(i), q.quantize(weights.get(i)));
                }
            }
        }
    }

    /** Quantize all four tensors for each scheme x granularity x bits; time and error. */
    private void sweepTensors(List<INDArray> weights) {
        header("Quantize all weights of the article's CNN (" + total(weights) + " values)");
        for (Scheme scheme : new Scheme[] {Scheme.SYMMETRIC, Scheme.ASYMMETRIC}) {
            for (boolean perChannel : new boolean[] {false, true}) {
                for (int bits = 1; bits <= 8; bits++) {
                    int b = bits;
                    tensorRow(weights, scheme.name().toLowerCase() + (bits == 1 && scheme == Scheme.SYMMETRIC
                            ? " (binary)" : ""), perChannel, bits,
                            i -> granular(Quantizer.of(scheme, b), perChannel, OUTPUT_AXIS[i]));
                }
            }
        }
        tensorRow(weights, "ternary", true, 2, i -> Quantizer.ternary().perChannel(OUTPUT_AXIS[i]));
        tensorRow(weights, "symmetric mse-clip", true, 4,
                i -> Quantizer.symmetric(4).perChannel(OUTPUT_AXIS[i]).withRangeEstimator(MseClippingObserver::of));
        tensorRow(weights, "symmetric (groups 9/32/32/10)", true, 4,
                i -> Quantizer.symmetric(4).perGroup(GROUP_SIZE[i], OUTPUT_AXIS[i]));
    }

    private static Quantizer granular(Quantizer q, boolean perChannel, int axis) {
        return perChannel ? q.perChannel(axis) : q.perTensor();
    }

    private void tensorRow(List<INDArray> weights, String scheme, boolean perChannel, int bits,
            java.util.function.IntFunction<Quantizer> quantizerForLayer) {
        List<QuantizedTensor> result = new ArrayList<>();
        double[] ms = time(() -> {
            result.clear();
            for (int i = 0; i < weights.size(); i++) {
                result.add(quantizerForLayer.apply(i).quantize(weights.get(i)));
            }
            return result;
        });
        long fp32 = 0;
        long stored = 0;
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < weights.size(); i++) {
            QuantizedTensor q = result.get(i);
            fp32 += q.fp32Bytes();
            stored += q.storedBytes();
            QuantError e = QuantError.of(weights.get(i), q);
            noise += e.mse() * e.count();
            signal += weights.get(i).norm2Number().doubleValue() * weights.get(i).norm2Number().doubleValue();
        }
        String granularity = scheme.contains("groups") ? "per-group" : perChannel ? "per-channel" : "per-tensor";
        record("quantize weights", scheme, granularity, bits, ms, fp32, stored, 10 * Math.log10(signal / noise));
    }

    /** Pack and unpack the codes of all weights at 1..8 bits. */
    private void packing(List<INDArray> weights) {
        header("Pack + unpack all weight codes");
        int n = (int) total(weights);
        for (int bits = 1; bits <= 8; bits++) {
            int[] codes = new int[n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(SEED + bits);
            for (int i = 0; i < n; i++) {
                codes[i] = r.nextInt(1 << bits);
            }
            int b = bits;
            double[] ms = time(() -> BitPacker.unpack(BitPacker.pack(codes, b), b, n));
            record("pack+unpack", "unsigned codes", "-", bits, ms, 4L * n, BitPacker.packedLength(n, bits), Double.NaN);
        }
    }

    /** Quantize a whole network with the article's layer shapes; save the result. */
    private void wholeNetwork(Path root) throws IOException {
        header("Quantize a whole MultiLayerNetwork with the article's shapes (ModelQuantizer)");
        MultiLayerNetwork net = articleShapedNetwork();
        Map<String, QuantSpec> specs = new LinkedHashMap<>();
        specs.put("symmetric 8 per-tensor", QuantSpec.symmetric(8));
        specs.put("symmetric 8 per-channel", QuantSpec.symmetric(8).perChannel());
        specs.put("asymmetric 4 per-channel", QuantSpec.asymmetric(4).perChannel());
        specs.put("binary per-channel", QuantSpec.binary().perChannel());
        CompressedModel last = null;
        for (Map.Entry<String, QuantSpec> s : specs.entrySet()) {
            CompressedModel[] holder = new CompressedModel[1];
            double[] ms = time(() -> holder[0] = ModelQuantizer.quantize(net, s.getValue()));
            last = holder[0];
            String[] parts = s.getKey().split(" ");
            int bits = parts[0].equals("binary") ? 1 : Integer.parseInt(parts[1]);
            record("quantize network", parts[0], parts[parts.length - 1], bits, ms, last.sizeReport().fp32Bytes(),
                    last.sizeReport().storedBytes(), Double.NaN);
        }
        CompressedModel model = last;
        double[] ms = time(model::weightOnlyNetwork);
        record("weightOnlyNetwork", "binary", "per-channel", 1, ms, model.sizeReport().fp32Bytes(),
                model.sizeReport().storedBytes(), Double.NaN);
        Path file = root.resolve("build/bench/article-binary.qcm");
        ms = time(() -> {
            try {
                CompressedModelFile.save(model, file);
                return CompressedModelFile.load(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        record("save+load file", "binary", "per-channel", 1, ms, model.sizeReport().fp32Bytes(), Files.size(file),
                Double.NaN);
    }

    /** conv 1->32 3x3 relu, conv 32->64 3x3 relu, avg-pool 4x4/4, dense 100 relu, output 10 softmax; 28x28x1. */
    private static MultiLayerNetwork articleShapedNetwork() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nIn(1).nOut(32).activation(Activation.RELU).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).kernelSize(4, 4).stride(4, 4)
                        .build())
                .layer(new DenseLayer.Builder().nOut(100).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** {mean ms, min ms} over the measured iterations after warm-up. */
    private double[] time(Supplier<?> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            work.get();
            double ms = (System.nanoTime() - t0) / 1e6;
            sum += ms;
            min = Math.min(min, ms);
        }
        return new double[] {sum / iterations, min};
    }

    private void header(String title) {
        System.out.printf("%n== %s (warm-up %d, iterations %d)%n", title, warmup, iterations);
        System.out.printf("%-17s %-30s %-12s %4s %10s %10s %12s %12s %7s %9s%n", "task", "scheme", "granularity", "bits",
                "mean ms", "min ms", "fp32 bytes", "stored", "ratio", "SQNR dB");
    }

    private void record(String task, String scheme, String granularity, int bits, double[] ms, long fp32,
            long stored, double sqnr) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("task", task);
        row.put("scheme", scheme);
        row.put("granularity", granularity);
        row.put("bits", bits);
        row.put("mean_ms", String.format("%.3f", ms[0]));
        row.put("min_ms", String.format("%.3f", ms[1]));
        row.put("fp32_bytes", fp32);
        row.put("stored_bytes", stored);
        row.put("ratio", String.format("%.2f", (double) fp32 / stored));
        row.put("sqnr_db", Double.isNaN(sqnr) ? "" : String.format("%.2f", sqnr));
        rows.add(row);
        System.out.printf("%-17s %-30s %-12s %4d %10.3f %10.3f %12d %12d %6.2fx %9s%n", task, scheme, granularity, bits, ms[0],
                ms[1], fp32, stored, (double) fp32 / stored, row.get("sqnr_db"));
    }

    private void writeCsv(Path csv) throws IOException {
        Files.createDirectories(csv.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println(String.join(",", rows.get(0).keySet()));
            for (Map<String, Object> row : rows) {
                out.println(String.join(",", row.values().stream().map(String::valueOf).toList()));
            }
        }
    }

    private static long total(List<INDArray> weights) {
        return weights.stream().mapToLong(INDArray::length).sum();
    }
}
