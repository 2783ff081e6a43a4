package org.quantcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class IdxWriterTest {

    private static final byte[] EXPECTED_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    @Test
    void gzipIsByteForByteReproducible() {
        byte[] raw = IdxWriter.images(28, 28, SyntheticImages.pixels(50, 28, 28, 3L));
        assertArrayEquals(IdxWriter.gzip(raw), IdxWriter.gzip(raw.clone()));
    }

    @Test
    void gzipHeaderHasNoNameAndMtimeZero() {
        byte[] gz = IdxWriter.gzip(IdxWriter.labels(SyntheticImages.cyclicLabels(30, 10)));
        assertArrayEquals(EXPECTED_HEADER, Arrays.copyOf(gz, EXPECTED_HEADER.length));
    }

    @Test
    void gzipDecompressesWithTheStandardReader() throws Exception {
        byte[] raw = IdxWriter.images(3, 2, SyntheticImages.pixels(9, 3, 2, 5L));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(IdxWriter.gzip(raw)))) {
            assertArrayEquals(raw, in.readAllBytes());
        }
    }

    @Test
    void imagesHeaderHoldsMagicCountRowsCols() {
        byte[] raw = IdxWriter.images(2, 3, new byte[24]);
        assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 3}, Arrays.copyOf(raw, 16));
        assertEquals(16 + 24, raw.length);
    }

    @Test
    void labelsHeaderHoldsMagicAndCount() {
        byte[] raw = IdxWriter.labels(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3}, raw);
    }

    @Test
    void pixelsThatAreNotWholeImagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IdxWriter.images(2, 3, new byte[7]));
    }
}
