package org.quantcourse.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Writes MNIST-style IDX files and gzips them reproducibly (same input, same bytes, on every run). */
public final class IdxWriter {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final byte[] GZIP_HEADER = {
        0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff // deflate, no flags, mtime 0, OS unknown
    };

    private IdxWriter() {
    }

    /** Returns the uncompressed IDX bytes of {@code pixels.length / (rows * cols)} images of rows × cols bytes. */
    public static byte[] images(int rows, int cols, byte[] pixels) {
        if (rows <= 0 || cols <= 0 || pixels.length % (rows * cols) != 0) {
            throw new IllegalArgumentException("pixels.length " + pixels.length
                    + " must be a multiple of rows * cols with rows, cols > 0; got rows " + rows + ", cols " + cols);
        }
        ByteBuffer out = ByteBuffer.allocate(16 + pixels.length);
        out.putInt(IMAGES_MAGIC).putInt(pixels.length / (rows * cols)).putInt(rows).putInt(cols).put(pixels);
        return out.array();
    }

    /** Returns the uncompressed IDX bytes of a label file holding {@code labels}. */
    public static byte[] labels(byte[] labels) {
        ByteBuffer out = ByteBuffer.allocate(8 + labels.length);
        out.putInt(LABELS_MAGIC).putInt(labels.length).put(labels);
        return out.array();
    }

    /**
     * Gzips {@code raw} reproducibly: a fixed 10-byte header (no file name, mtime 0, OS 255), deflate level 9,
     * CRC-32 and length trailer. The deflate stream comes from the JDK's zlib.
     */
    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        out.writeBytes(GZIP_HEADER);
        out.writeBytes(deflate(raw));
        CRC32 crc = new CRC32();
        crc.update(raw);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, raw.length);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((value >>> shift) & 0xff);
        }
    }
}
