package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    private static final int N = 12;
    private static final int ROWS = 5;
    private static final int COLS = 7;

    @TempDir
    Path dir;

    private final byte[] pixels = SyntheticImages.pixels(N, ROWS, COLS, 11L);
    private final byte[] labels = SyntheticImages.cyclicLabels(N, 10);
    private final byte[] rawImages = IdxWriter.images(ROWS, COLS, pixels);
    private final byte[] rawLabels = IdxWriter.labels(labels);

    private ImageDataset readFiles(byte[] images, byte[] labelFile) throws Exception {
        Path imagesFile = Files.write(dir.resolve("imgs-idx3-ubyte.gz"), images);
        Path labelsFile = Files.write(dir.resolve("labs-idx1-ubyte.gz"), labelFile);
        return IdxReader.read("test", imagesFile, labelsFile, SyntheticImages.DIGITS);
    }

    private IdxFormatException rejected(byte[] images, byte[] labelFile) {
        return assertThrows(IdxFormatException.class, () -> readFiles(images, labelFile));
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void validFilesReadBackExactlyGzippedOrRaw(boolean gzipped) throws Exception {
        ImageDataset data = gzipped ? readFiles(IdxWriter.gzip(rawImages), IdxWriter.gzip(rawLabels))
                : readFiles(rawImages, rawLabels);
        assertEquals(N, data.size());
        assertEquals(ROWS, data.rows());
        assertEquals(COLS, data.cols());
        for (int i = 0; i < N; i++) {
            assertEquals(labels[i], data.label(i));
            assertEquals((pixels[i * ROWS * COLS] & 0xff) / 255f, data.pixels(i)[0]);
        }
    }

    @Test
    void rawFileNamedGzIsDetectedByMagicBytesAndRead() throws Exception {
        ImageDataset data = readFiles(rawImages, IdxWriter.gzip(rawLabels));
        assertEquals(N, data.size());
    }

    @Test
    void badMagicNumberIsRejectedNamingFileAndFix() {
        byte[] bad = rawImages.clone();
        bad[3] = 0x04;
        IdxFormatException e = rejected(IdxWriter.gzip(bad), rawLabels);
        assertTrue(e.getMessage().contains("imgs-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("bad magic number 0x00000804"), e.getMessage());
        assertTrue(e.getMessage().contains("MnistSample.load()"), e.getMessage());
    }

    @Test
    void swappedImageAndLabelFilesAreRecognised() {
        IdxFormatException e = rejected(rawLabels, rawImages);
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void truncatedImageFileIsRejected(boolean gzipped) {
        byte[] cut = Arrays.copyOf(rawImages, rawImages.length - 5);
        IdxFormatException e = rejected(gzipped ? IdxWriter.gzip(cut) : cut, rawLabels);
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fileEndingInsideHeaderIsRejected() {
        IdxFormatException e = rejected(Arrays.copyOf(rawImages, 10), rawLabels);
        assertTrue(e.getMessage().contains("truncated: the file ends inside its header"), e.getMessage());
    }

    @Test
    void truncatedGzipStreamIsRejected() {
        byte[] gz = IdxWriter.gzip(rawImages);
        IdxFormatException e = rejected(Arrays.copyOf(gz, gz.length / 2), rawLabels);
        assertTrue(e.getMessage().contains("gzip data is truncated or corrupt"), e.getMessage());
    }

    @Test
    void corruptGzipChecksumIsRejected() {
        byte[] gz = IdxWriter.gzip(rawImages);
        gz[gz.length - 6] ^= 0x55;
        IdxFormatException e = rejected(gz, rawLabels);
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void trailingBytesAreRejected(boolean gzipped) {
        byte[] longer = Arrays.copyOf(rawLabels, rawLabels.length + 3);
        IdxFormatException e = rejected(rawImages, gzipped ? IdxWriter.gzip(longer) : longer);
        assertTrue(e.getMessage().contains("labs-idx1-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("trailing bytes"), e.getMessage());
    }

    @Test
    void labelOutOfRangeIsRejectedWithItsIndex() {
        byte[] bad = labels.clone();
        bad[4] = 10;
        IdxFormatException e = rejected(rawImages, IdxWriter.labels(bad));
        assertTrue(e.getMessage().contains("label 10 at index 4 is out of range"), e.getMessage());
    }

    @Test
    void labelBeyondTheGivenClassNamesIsRejected() throws Exception {
        Path imagesFile = Files.write(dir.resolve("i.gz"), rawImages);
        Path labelsFile = Files.write(dir.resolve("l.gz"), rawLabels);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.read("three", imagesFile, labelsFile, SyntheticImages.DIGITS.subList(0, 3)));
        assertTrue(e.getMessage().contains("labels must be 0..2"), e.getMessage());
    }

    @Test
    void imageAndLabelCountMismatchIsRejected() {
        IdxFormatException e = rejected(rawImages, IdxWriter.labels(Arrays.copyOf(labels, N - 1)));
        assertTrue(e.getMessage().contains("holds " + N + " images but its label file"), e.getMessage());
    }

    @Test
    void impossibleDimensionsAreRejected() {
        byte[] bad = rawImages.clone();
        bad[11] = 0;
        bad[10] = 0;
        bad[9] = 0;
        bad[8] = 0;
        IdxFormatException e = rejected(bad, rawLabels);
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @Test
    void emptyFileIsRejected() {
        IdxFormatException e = rejected(new byte[0], rawLabels);
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.gz");
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.read("x", missing, missing, SyntheticImages.DIGITS));
        assertTrue(e.getMessage().contains(missing + ": file not found"), e.getMessage());
    }

    @Test
    void readImagesReturnsHeaderDimensionsAndPixels() {
        IdxReader.Images images = IdxReader.readImages("mem", IdxWriter.gzip(rawImages));
        assertEquals(N, images.count());
        assertEquals(ROWS, images.rows());
        assertEquals(COLS, images.cols());
        assertArrayEquals(pixels, images.pixels());
    }
}
