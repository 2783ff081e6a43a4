package org.quantcourse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.quantcourse.train.ArticleCnn;

/**
 * Training and inference speed of the article's CNN: DL4J's stock path, our oneDNN fix, and PyTorch (when
 * {@code /usr/bin/python3} has torch) in the same run, per thread count. Prints a table with ratios to PyTorch and
 * writes {@code build/bench/training.csv}. Each thread count runs in its own JVM with {@code OMP_NUM_THREADS} set.
 *
 * <p>Paths: {@code dl4j-stock} (DL4J as shipped: helpers off), {@code dl4j-onednn-nchw} (oneDNN helpers on, DL4J's
 * channels-first layout), {@code dl4j-onednn-nhwc} (what {@code ArticleCnn.builder().build()} gives: oneDNN,
 * channels-last). Training uses batches of 64 (plus 256 for the default path), inference batches of 1,000.
 *
 * <p>It also prints the CPU (model, ISA flags, nominal clock), the FLOPs of one image forward and in a training step
 * ({@link NetworkFlops}), and each row's attained GFLOP/s and fraction of the FP32 peak ({@link CpuInfo}).
 *
 * <p>Usage: {@code TrainingBenchmark [--threads=1,2] [--seconds=4] [--paths=dl4j-onednn-nhwc,...]
 * [--out=build/bench/training.csv]}; the CSV is rewritten after every thread count.
 */
public final class TrainingBenchmark {

    static final int TRAIN_BATCH = 64;
    static final int INFERENCE_BATCH = 1000;
    /** A larger training batch, to show what batching buys (not compared with PyTorch's batch-64 number). */
    static final int LARGE_TRAIN_BATCH = 256;
    private static final String PYTHON = "/usr/bin/python3";
    private static final String ROW = "ROW,";

    private TrainingBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "4"));
        List<TrainingSpeed.Variant> variants = variants(options.getOrDefault("paths", ""));
        if (options.containsKey("child")) {
            measureInThisJvm(Integer.parseInt(options.get("child")), seconds, variants);
            return;
        }
        CpuInfo cpu = CpuInfo.current();
        NetworkFlops flops = articleFlops();
        System.out.println(describe(cpu, flops));
        String start = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        Path out = Path.of(options.getOrDefault("out", "build/bench/training.csv"));
        List<Measurement> rows = new ArrayList<>();
        boolean torch = torchAvailable();
        for (String threads : options.getOrDefault("threads", "1,2").split(",")) {
            int t = Integer.parseInt(threads.trim());
            rows.addAll(parse(run(javaChild(t, seconds, options.getOrDefault("paths", "")), t)));
            if (torch) {
                rows.addAll(parse(run(torchChild(t, seconds), t)));
            }
            new Report(rows, cpu, flops, start, openMpSettings()).writeCsv(out); // what is measured so far
        }
        System.out.println(torch ? "" : "PyTorch: not measured (" + PYTHON + " has no torch module).");
        System.out.println(new Report(rows, cpu, flops, start, openMpSettings()).table());
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The FLOPs of the article's CNN on 28×28 MNIST images (the same for every path). */
    static NetworkFlops articleFlops() {
        return NetworkFlops.of(ArticleCnn.builder().configuration(),
                InputType.convolutional(ArticleCnn.MNIST_SIZE, ArticleCnn.MNIST_SIZE, 1));
    }

    private static String describe(CpuInfo cpu, NetworkFlops flops) {
        return String.format(Locale.ROOT, "CPU: %s%nFP32 peak: %.1f GFLOP/s per core (nominal clock × %d FLOP/cycle)"
                + "%nFLOPs per image (multiply-add = 2, conv + dense only): forward %,d, training step %,d"
                + " (forward + backward ≈ %d × forward)%n", cpu.describe(), cpu.peakGflops(1), cpu.flopsPerCycle(),
                flops.forwardPerImage(), flops.trainingPerImage(), NetworkFlops.TRAINING_FACTOR);
    }

    /** The paths named in {@code --paths=} (labels, comma-separated), or all of them when it is empty. */
    static List<TrainingSpeed.Variant> variants(String labels) {
        if (labels.isBlank()) {
            return List.of(TrainingSpeed.Variant.values());
        }
        return Arrays.stream(labels.split(",")).map(String::trim).map(TrainingSpeed.Variant::of).toList();
    }

    private static void measureInThisJvm(int threads, double seconds, List<TrainingSpeed.Variant> variants) {
        TrainingSpeed speed = new TrainingSpeed(seconds);
        for (TrainingSpeed.Variant variant : variants) {
            var net = TrainingSpeed.network(variant);
            emit(variant.label, threads, "train", TRAIN_BATCH, speed.training(net, TRAIN_BATCH));
            emit(variant.label, threads, "inference", INFERENCE_BATCH, speed.inference(net, INFERENCE_BATCH));
        }
        if (variants.size() < TrainingSpeed.Variant.values().length) {
            return; // the batch-256 row belongs to full runs
        }
        var fastest = TrainingSpeed.network(TrainingSpeed.Variant.ONEDNN_NHWC);
        emit(TrainingSpeed.Variant.ONEDNN_NHWC.label, threads, "train", LARGE_TRAIN_BATCH,
                speed.training(fastest, LARGE_TRAIN_BATCH));
    }

    private static void emit(String path, int threads, String phase, int batch, double imagesPerSecond) {
        System.out.println(ROW + new Measurement(path, threads, phase, batch, imagesPerSecond).csv());
    }

    private static List<String> javaChild(int threads, double seconds, String paths) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                TrainingBenchmark.class.getName(), "--child=" + threads, "--seconds=" + seconds, "--paths=" + paths);
    }

    private static List<String> torchChild(int threads, double seconds) {
        return List.of(PYTHON, torchScript().toString(), Integer.toString(threads), Integer.toString(TRAIN_BATCH),
                Integer.toString(INFERENCE_BATCH), Double.toString(seconds));
    }

    private static String run(List<String> command, int threads) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Benchmark step failed: " + String.join(" ", command) + "\n" + output);
        }
        return output;
    }

    private static List<Measurement> parse(String output) {
        double load = loadAverage();
        return output.lines().map(line -> line.startsWith(ROW) ? line.substring(ROW.length()) : line)
                .filter(line -> line.split(",").length == 5).map(Measurement::parse)
                .map(m -> m.withLoadAverage(load)).toList();
    }

    /** The OMP_* variables (but OMP_NUM_THREADS) the measuring processes inherit, e.g. OMP_WAIT_POLICY=PASSIVE. */
    static String openMpSettings() {
        return System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("OMP_"))
                .filter(e -> !e.getKey().equals("OMP_NUM_THREADS")).map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(" "));
    }

    /** The 1-minute load average (NaN where /proc/loadavg is missing). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static boolean torchAvailable() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.isRegularFile(torchScript());
        } catch (IOException e) {
            return false;
        }
    }

    /** bench/torch_reference.py of the project (looked up from the working directory upwards). */
    private static Path torchScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("bench").resolve("torch_reference.py");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        return Path.of("bench", "torch_reference.py");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return options;
    }

    /** One measured speed, with the 1-minute load average when its process ended. */
    record Measurement(String path, int threads, String phase, int batch, double imagesPerSecond,
            double loadAverage) {

        static Measurement parse(String csv) {
            String[] f = csv.split(",");
            return new Measurement(f[0], Integer.parseInt(f[1].trim()), f[2].trim(), Integer.parseInt(f[3].trim()),
                    Double.parseDouble(f[4].trim()), Double.NaN);
        }

        Measurement(String path, int threads, String phase, int batch, double imagesPerSecond) {
            this(path, threads, phase, batch, imagesPerSecond, Double.NaN);
        }

        Measurement withLoadAverage(double load) {
            return new Measurement(path, threads, phase, batch, imagesPerSecond, load);
        }

        boolean training() {
            return phase.equals("train");
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%s,%d,%.1f", path, threads, phase, batch, imagesPerSecond);
        }
    }

    /**
     * The measurements of one run with their ratio to PyTorch (same thread count, phase and batch), attained
     * GFLOP/s and fraction of the CPU's FP32 peak at that thread count.
     */
    record Report(List<Measurement> rows, CpuInfo cpu, NetworkFlops flops, String measuredAt, String openMp) {

        static final String CSV_HEADER = "path,threads,phase,batch,images_per_second,ratio_to_pytorch,"
                + "gflops_per_second,peak_gflops,fraction_of_peak,load_average,cpu,isa,measured_at,openmp";

        String table() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%-22s %7s %-9s %6s %10s %9s %8s %7s %5s%n", "path", "threads", "phase", "batch", "images/s",
                    "vs torch", "GFLOP/s", "of peak", "load"));
            rows.forEach(m -> text.append(String.format(Locale.ROOT, "%-22s %7d %-9s %6d %10.0f %9s %8.1f %6.1f%% %5.1f%n",
                    m.path(), m.threads(), m.phase(), m.batch(), m.imagesPerSecond(), ratioText(m), gflops(m),
                    100 * gflops(m) / cpu.peakGflops(m.threads()), m.loadAverage())));
            return text.toString();
        }

        List<String> csvLines() {
            List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
            String machine = cpu.model().replace(',', ' ');
            rows.forEach(m -> lines.add(m.csv() + String.format(Locale.ROOT, ",%s,%.2f,%.1f,%.4f,%.2f,%s,%s,%s,%s",
                    Double.isNaN(ratio(m)) ? "" : String.format(Locale.ROOT, "%.3f", ratio(m)), gflops(m),
                    cpu.peakGflops(m.threads()), gflops(m) / cpu.peakGflops(m.threads()), m.loadAverage(), machine,
                    String.join(" ", cpu.flags()), measuredAt, openMp.replace(',', ' '))));
            return lines;
        }

        void writeCsv(Path out) {
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, csvLines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + out.toAbsolutePath(), e);
            }
        }

        /** Attained GFLOP/s: images/s × FLOPs per image of the phase. */
        double gflops(Measurement m) {
            return m.imagesPerSecond() * (m.training() ? flops.trainingPerImage() : flops.forwardPerImage()) / 1e9;
        }

        /** Images/s over PyTorch's at the same thread count, phase and batch; NaN without such a PyTorch row. */
        double ratio(Measurement m) {
            double torch = rows.stream().filter(r -> r.path().startsWith("pytorch") && r.threads() == m.threads()
                    && r.phase().equals(m.phase()) && r.batch() == m.batch())
                    .mapToDouble(Measurement::imagesPerSecond).findFirst().orElse(0);
            return torch > 0 ? m.imagesPerSecond() / torch : Double.NaN;
        }

        private String ratioText(Measurement m) {
            return Double.isNaN(ratio(m)) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio(m));
        }
    }
}
