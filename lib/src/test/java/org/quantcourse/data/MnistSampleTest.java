package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MnistSampleTest {

    /** data/mnist-sample of the checkout; surefire runs in lib/. */
    static final Path SAMPLE_DIR = Path.of("..", "data", "mnist-sample");

    private static DatasetSplit sample;

    @BeforeAll
    static void load() {
        sample = MnistSample.load();
    }

    @Test
    void sampleHas8000TrainingAnd2000TestDigitsOf28x28() {
        assertEquals(8000, sample.train().size());
        assertEquals(2000, sample.test().size());
        assertEquals(28, sample.train().rows());
        assertEquals(28, sample.train().cols());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), sample.train().classNames());
        assertEquals("mnist-sample train", sample.train().name());
    }

    @Test
    void everyDigitIsPresentInBothParts() {
        for (int count : sample.train().classCounts()) {
            assertTrue(count > 0);
        }
        for (int count : sample.test().classCounts()) {
            assertTrue(count > 0);
        }
    }

    @Test
    void splitIsStratifiedEightyTwentyPerDigit() {
        int[] train = sample.train().classCounts();
        int[] test = sample.test().classCounts();
        for (int d = 0; d < 10; d++) {
            int total = train[d] + test[d];
            assertEquals((8 * total + 5) / 10, train[d], "digit " + d);
        }
    }

    @Test
    void digitsAreNotBlankAndUseTheFullGreyRange() {
        float max = 0f;
        for (int i = 0; i < 100; i++) {
            for (float p : sample.test().pixels(i)) {
                max = Math.max(max, p);
            }
        }
        assertEquals(1f, max);
    }

    @Test
    void directoryCopyLoadsTheSameImagesAsTheClasspathCopy() {
        DatasetSplit fromDir = MnistSample.load(SAMPLE_DIR);
        assertEquals(sample.train().size(), fromDir.train().size());
        for (int i = 0; i < sample.test().size(); i += 97) {
            assertEquals(sample.test().label(i), fromDir.test().label(i));
            assertArrayEquals(sample.test().pixels(i), fromDir.test().pixels(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
    void tamperedFileIsRejectedByItsChecksum(String file, @TempDir Path dir) throws Exception {
        copySample(dir);
        byte[] content = Files.readAllBytes(dir.resolve(file));
        content[content.length / 2] ^= 1;
        Files.write(dir.resolve(file), content);
        DatasetException e = assertThrows(DatasetException.class, () -> MnistSample.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve(file) + ": SHA-256 is"), e.getMessage());
        assertTrue(e.getMessage().contains("make-mnist-sample.sh"), e.getMessage());
    }

    @Test
    void fileMissingFromSha256SumsIsRejected(@TempDir Path dir) throws Exception {
        copySample(dir);
        List<String> lines = Files.readAllLines(dir.resolve("SHA256SUMS"));
        Files.write(dir.resolve("SHA256SUMS"), lines.subList(1, lines.size()));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistSample.load(dir));
        assertTrue(e.getMessage().contains("has no checksum for train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void missingDirectoryTellsWhatToPass(@TempDir Path dir) {
        DatasetException e = assertThrows(DatasetException.class, () -> MnistSample.load(dir.resolve("none")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
        assertTrue(e.getMessage().contains("MnistSample.load()"), e.getMessage());
    }

    private static void copySample(Path dir) throws Exception {
        for (String file : List.of("SHA256SUMS", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(SAMPLE_DIR.resolve(file), dir.resolve(file));
        }
    }
}
