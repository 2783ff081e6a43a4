package org.quantcourse.data;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads and validates MNIST-style IDX image and label files, gzipped or raw (detected by magic bytes). */
public final class IdxReader {

    /** Labels of MNIST-family files are 0..MAX_LABEL. */
    public static final int MAX_LABEL = 9;

    private static final long MAX_PIXEL_BYTES = Integer.MAX_VALUE - 64;

    /** Pixels of an IDX image file: {@code count} images of rows × cols unsigned bytes, row-major. */
    record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    /** Reads an image file and its label file into a dataset called {@code name}. */
    public static ImageDataset read(String name, Path images, Path labels, List<String> classNames) {
        return read(name, images.toString(), readFile(images), labels.toString(), readFile(labels), classNames);
    }

    /** Reads image and label file contents (named for messages) into a dataset; checks counts and labels. */
    static ImageDataset read(String name, String imagesSource, byte[] imagesFile,
                             String labelsSource, byte[] labelsFile, List<String> classNames) {
        Images images = readImages(imagesSource, imagesFile);
        byte[] labels = readLabels(labelsSource, labelsFile);
        if (images.count() != labels.length) {
            throw new IdxFormatException(imagesSource, "holds " + images.count() + " images but its label file "
                    + labelsSource + " holds " + labels.length + " labels; both must come from the same release");
        }
        checkLabelsBelow(labelsSource, labels, classNames.size());
        return ImageDataset.of(name, images.rows(), images.cols(), images.pixels(), labels, classNames);
    }

    /** Parses an IDX image file (magic 0x00000803); its length must be exactly 16 + count × rows × cols. */
    static Images readImages(String source, byte[] file) {
        try (DataInputStream in = open(source, file)) {
            checkMagic(source, readHeaderInt(in, source), IdxWriter.IMAGES_MAGIC);
            int count = readHeaderInt(in, source);
            int rows = readHeaderInt(in, source);
            int cols = readHeaderInt(in, source);
            checkDimensions(source, count, rows, cols);
            byte[] pixels = readBody(in, source, count * rows * cols, count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** Parses an IDX label file (magic 0x00000801) of labels 0..9; its length must be exactly 8 + count. */
    static byte[] readLabels(String source, byte[] file) {
        try (DataInputStream in = open(source, file)) {
            checkMagic(source, readHeaderInt(in, source), IdxWriter.LABELS_MAGIC);
            int count = readHeaderInt(in, source);
            if (count <= 0) {
                throw new IdxFormatException(source, "header announces " + count + " labels; at least 1 is needed");
            }
            byte[] labels = readBody(in, source, count, count + " labels");
            checkLabelsBelow(source, labels, MAX_LABEL + 1);
            return labels;
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found. Check the path, or use MnistSample.load(),"
                    + " which ships with the course and works offline", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read (" + e + "). Check that the file is readable", e);
        }
    }

    private static DataInputStream open(String source, byte[] file) throws IOException {
        if (file.length == 0) {
            throw new IdxFormatException(source, "the file is empty");
        }
        boolean gzip = file.length >= 2 && file[0] == (byte) 0x1f && file[1] == (byte) 0x8b;
        InputStream raw = new ByteArrayInputStream(file);
        return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static int readHeaderInt(DataInputStream in, String source) throws IOException {
        byte[] word = in.readNBytes(4);
        if (word.length < 4) {
            throw new IdxFormatException(source, "truncated: the file ends inside its header");
        }
        return ((word[0] & 0xff) << 24) | ((word[1] & 0xff) << 16) | ((word[2] & 0xff) << 8) | (word[3] & 0xff);
    }

    private static void checkMagic(String source, int magic, int expected) {
        if (magic == expected) {
            return;
        }
        String wanted = expected == IdxWriter.IMAGES_MAGIC ? "an image file (magic 0x00000803)"
                : "a label file (magic 0x00000801)";
        String swapped = magic == IdxWriter.IMAGES_MAGIC || magic == IdxWriter.LABELS_MAGIC
                ? "; are the image and label files swapped?" : "";
        throw new IdxFormatException(source, String.format(
                "bad magic number 0x%08x where %s was expected%s", magic, wanted, swapped));
    }

    private static void checkDimensions(String source, int count, int rows, int cols) {
        if (count <= 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > MAX_PIXEL_BYTES) {
            throw new IdxFormatException(source, "header announces " + count + " images of " + rows + "x" + cols
                    + "; count, rows and cols must be positive and the pixels must fit in 2 GB");
        }
    }

    private static byte[] readBody(DataInputStream in, String source, int length, String what) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IdxFormatException(source, "truncated: the header announces " + what + " (" + length
                    + " bytes after the header) but the file holds only " + body.length);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(source, "trailing bytes after the " + what + " the header announces");
        }
        return body;
    }

    private static void checkLabelsBelow(String source, byte[] labels, int limit) {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= limit) {
                throw new IdxFormatException(source, "label " + (labels[i] & 0xff) + " at index " + i
                        + " is out of range; labels must be 0.." + (limit - 1));
            }
        }
    }

    private static IdxFormatException unreadable(String source, IOException e) {
        return new IdxFormatException(source, "cannot decompress: the gzip data is truncated or corrupt (" + e + ")", e);
    }
}
