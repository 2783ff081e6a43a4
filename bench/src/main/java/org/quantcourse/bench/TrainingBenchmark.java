package org.quantcourse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training and inference speed of the article's CNN: DL4J's stock path, our oneDNN fix, and PyTorch (when
 * {@code /usr/bin/python3} has torch) in the same run, per thread count. Prints a table with ratios to PyTorch and
 * writes {@code build/bench/training.csv}. Each thread count runs in its own JVM with {@code OMP_NUM_THREADS} set.
 *
 * <p>Paths: {@code dl4j-stock} (DL4J as shipped: helpers off), {@code dl4j-onednn-nchw} (oneDNN helpers on, DL4J's
 * channels-first layout), {@code dl4j-onednn-nhwc} (what {@code ArticleCnn.builder().build()} gives: oneDNN,
 * channels-last). Training uses batches of 64 (plus 256 for the default path), inference batches of 1,000.
 *
 * <p>Usage: {@code TrainingBenchmark [--threads=1,2] [--seconds=4] [--out=build/bench/training.csv]}
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
        if (options.containsKey("child")) {
            measureInThisJvm(Integer.parseInt(options.get("child")), seconds);
            return;
        }
        List<Measurement> rows = new ArrayList<>();
        boolean torch = torchAvailable();
        for (String threads : options.getOrDefault("threads", "1,2").split(",")) {
            int t = Integer.parseInt(threads.trim());
            rows.addAll(parse(run(javaChild(t, seconds), t)));
            if (torch) {
                rows.addAll(parse(run(torchChild(t, seconds), t)));
            }
        }
        Report report = new Report(rows);
        System.out.println(torch ? "" : "PyTorch: not measured (" + PYTHON + " has no torch module).");
        System.out.println(report.table());
        Path out = Path.of(options.getOrDefault("out", "build/bench/training.csv"));
        report.writeCsv(out);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static void measureInThisJvm(int threads, double seconds) {
        TrainingSpeed speed = new TrainingSpeed(seconds);
        for (TrainingSpeed.Variant variant : TrainingSpeed.Variant.values()) {
            var net = TrainingSpeed.network(variant);
            emit(variant.label, threads, "train", TRAIN_BATCH, speed.training(net, TRAIN_BATCH));
            emit(variant.label, threads, "inference", INFERENCE_BATCH, speed.inference(net, INFERENCE_BATCH));
        }
        var fastest = TrainingSpeed.network(TrainingSpeed.Variant.ONEDNN_NHWC);
        emit(TrainingSpeed.Variant.ONEDNN_NHWC.label, threads, "train", LARGE_TRAIN_BATCH,
                speed.training(fastest, LARGE_TRAIN_BATCH));
    }

    private static void emit(String path, int threads, String phase, int batch, double imagesPerSecond) {
        System.out.println(ROW + new Measurement(path, threads, phase, batch, imagesPerSecond).csv());
    }

    private static List<String> javaChild(int threads, double seconds) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx3g", "-cp", System.getProperty("java.class.path"),
                TrainingBenchmark.class.getName(), "--child=" + threads, "--seconds=" + seconds);
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
        return output.lines().map(line -> line.startsWith(ROW) ? line.substring(ROW.length()) : line)
                .filter(line -> line.split(",").length == 5).map(Measurement::parse).toList();
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

    /** One measured speed. */
    record Measurement(String path, int threads, String phase, int batch, double imagesPerSecond) {

        static Measurement parse(String csv) {
            String[] f = csv.split(",");
            return new Measurement(f[0], Integer.parseInt(f[1].trim()), f[2].trim(), Integer.parseInt(f[3].trim()),
                    Double.parseDouble(f[4].trim()));
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%s,%d,%.1f", path, threads, phase, batch, imagesPerSecond);
        }
    }

    /** The measurements with ratios to PyTorch at the same thread count and phase. */
    record Report(List<Measurement> rows) {

        String table() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-22s %7s %-9s %6s %10s %9s%n",
                    "path", "threads", "phase", "batch", "images/s", "vs torch"));
            rows.forEach(m -> text.append(String.format(Locale.ROOT, "%-22s %7d %-9s %6d %10.0f %9s%n", m.path(),
                    m.threads(), m.phase(), m.batch(), m.imagesPerSecond(), ratioText(m))));
            return text.toString();
        }

        void writeCsv(Path out) {
            List<String> lines = new ArrayList<>(List.of("path,threads,phase,batch,images_per_second,ratio_to_pytorch"));
            rows.forEach(m -> lines.add(m.csv() + "," + ratioText(m).replace("×", "").replace("-", "")));
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + out.toAbsolutePath(), e);
            }
        }

        private String ratioText(Measurement m) {
            double torch = rows.stream().filter(r -> r.path().startsWith("pytorch") && r.threads() == m.threads()
                    && r.phase().equals(m.phase()) && r.batch() == m.batch())
                    .mapToDouble(Measurement::imagesPerSecond).findFirst().orElse(0);
            return torch > 0 ? String.format(Locale.ROOT, "%.2f×", m.imagesPerSecond() / torch) : "-";
        }
    }
}
