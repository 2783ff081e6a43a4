package org.quantcourse.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** An immutable set of labelled grey-scale images (one byte per pixel). Used in notebooks 01 to 06. */
public final class ImageDataset {

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    private ImageDataset(String name, int rows, int cols, byte[] pixels, byte[] labels, List<String> classNames) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
    }

    /** Creates a dataset of {@code labels.length} images of rows × cols bytes (row-major); labels index classNames. */
    public static ImageDataset of(String name, int rows, int cols, byte[] pixels, byte[] labels,
                                  List<String> classNames) {
        if (name == null || name.isBlank() || rows <= 0 || cols <= 0 || labels.length == 0) {
            throw new IllegalArgumentException("a dataset needs a name, rows > 0, cols > 0 and at least one image;"
                    + " got name '" + name + "', " + rows + "x" + cols + ", " + labels.length + " labels");
        }
        if (pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException("pixels.length " + pixels.length + " must be labels.length × rows × cols = "
                    + (long) labels.length * rows * cols);
        }
        List<String> names = List.copyOf(classNames);
        checkLabels(labels, names.size());
        return new ImageDataset(name, rows, cols, pixels.clone(), labels.clone(), names);
    }

    /** Name shown in tables and messages, e.g. "mnist-sample train". */
    public String name() {
        return name;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Height of every image in pixels. */
    public int rows() {
        return rows;
    }

    /** Width of every image in pixels. */
    public int cols() {
        return cols;
    }

    /** Number of classes; labels are 0..numClasses()-1. */
    public int numClasses() {
        return classNames.size();
    }

    /** Class names, indexed by label (e.g. "0".."9" for digits, "T-shirt/top".. for Fashion-MNIST). */
    public List<String> classNames() {
        return classNames;
    }

    /** Label of image {@code i}, in 0..numClasses()-1. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, labels.length)] & 0xff;
    }

    /** All labels, in image order (a copy). */
    public int[] labels() {
        int[] copy = new int[labels.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = labels[i] & 0xff;
        }
        return copy;
    }

    /** A short content fingerprint (name, size, shape and SHA-256 of pixels and labels), e.g. for a model cache key. */
    public String fingerprint() {
        java.security.MessageDigest digest = Sha256.newDigest();
        digest.update(pixels);
        digest.update(labels);
        String hash = java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return name + ":" + size() + "x" + rows + "x" + cols + ":" + hash;
    }

    /** How many images each class has, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (byte label : labels) {
            counts[label & 0xff]++;
        }
        return counts;
    }

    /** Pixels of image {@code i}, row-major, scaled from bytes 0..255 to floats in [0, 1]. */
    public float[] pixels(int i) {
        int size = rows * cols;
        int start = Objects.checkIndex(i, labels.length) * size;
        float[] out = new float[size];
        for (int p = 0; p < size; p++) {
            out[p] = (pixels[start + p] & 0xff) / 255f;
        }
        return out;
    }

    /** The first {@code n} images (this dataset if it has no more than n). */
    public ImageDataset limit(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, got " + n);
        }
        if (n >= size()) {
            return this;
        }
        return new ImageDataset(name, rows, cols, Arrays.copyOf(pixels, n * rows * cols),
                Arrays.copyOf(labels, n), classNames);
    }

    /** Only the images of the given classes, relabelled 0..k-1 in the order given (e.g. 3, 8 → 0, 1). */
    public ImageDataset filterClasses(int... classes) {
        int[] newLabel = relabelling(classes);
        int count = 0;
        for (byte label : labels) {
            count += newLabel[label & 0xff] >= 0 ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException(name + " has no image of classes " + Arrays.toString(classes));
        }
        return keep(newLabel, count, classes);
    }

    /** All images as a FLOAT array {@code [n, 1, rows, cols]} in [0, 1]. Used in notebook 04. */
    public INDArray features() {
        return features(Layout.NCHW);
    }

    /** All images as a FLOAT array in [0, 1], {@code [n, 1, rows, cols]} (NCHW) or {@code [n, rows*cols]} (FLAT). */
    public INDArray features(Layout layout) {
        return features(identity(size()), 0, size(), layout);
    }

    /** All labels one-hot as a FLOAT array {@code [n, numClasses]}. */
    public INDArray labelsOneHot() {
        return labelsOneHot(identity(size()), 0, size());
    }

    /** Mini-batches of NCHW images {@code [b, 1, rows, cols]} and one-hot labels, reshuffled each epoch from seed. */
    public DataSetIterator iterator(int batchSize, long seed) {
        return iterator(batchSize, seed, Layout.NCHW);
    }

    /** Mini-batches in the given layout; epoch e's order depends only on (seed, e); reset() starts the next epoch. */
    public DataSetIterator iterator(int batchSize, long seed, Layout layout) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return new ImageBatchIterator(this, batchSize, seed, Objects.requireNonNull(layout, "layout"));
    }

    /** Images {@code order[from..to)} as a FLOAT array in the given layout. */
    INDArray features(int[] order, int from, int to, Layout layout) {
        int size = rows * cols;
        float[] data = new float[(to - from) * size];
        for (int b = 0; b < to - from; b++) {
            int start = order[from + b] * size;
            for (int p = 0; p < size; p++) {
                data[b * size + p] = (pixels[start + p] & 0xff) / 255f;
            }
        }
        long[] shape = layout == Layout.NCHW ? new long[] {to - from, 1, rows, cols} : new long[] {to - from, size};
        return Nd4j.create(data, shape, DataType.FLOAT);
    }

    /** Labels of images {@code order[from..to)} one-hot as a FLOAT array {@code [to - from, numClasses]}. */
    INDArray labelsOneHot(int[] order, int from, int to) {
        int k = numClasses();
        float[] data = new float[(to - from) * k];
        for (int b = 0; b < to - from; b++) {
            data[b * k + (labels[order[from + b]] & 0xff)] = 1f;
        }
        return Nd4j.create(data, new long[] {to - from, k}, DataType.FLOAT);
    }

    @Override
    public String toString() {
        return "ImageDataset[" + name + ": " + size() + " images " + rows + "x" + cols + ", "
                + numClasses() + " classes]";
    }

    private int[] relabelling(int... classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("give at least one class to keep, e.g. filterClasses(3, 8)");
        }
        int[] newLabel = new int[numClasses()];
        Arrays.fill(newLabel, -1);
        for (int k = 0; k < classes.length; k++) {
            int c = classes[k];
            if (c < 0 || c >= numClasses() || newLabel[c] >= 0) {
                throw new IllegalArgumentException("classes must be distinct labels in 0.." + (numClasses() - 1)
                        + ", got " + Arrays.toString(classes));
            }
            newLabel[c] = k;
        }
        return newLabel;
    }

    private ImageDataset keep(int[] newLabel, int count, int[] classes) {
        int size = rows * cols;
        byte[] keptPixels = new byte[count * size];
        byte[] keptLabels = new byte[count];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int target = newLabel[labels[i] & 0xff];
            if (target >= 0) {
                System.arraycopy(pixels, i * size, keptPixels, next * size, size);
                keptLabels[next++] = (byte) target;
            }
        }
        List<String> keptNames = new ArrayList<>();
        for (int c : classes) {
            keptNames.add(classNames.get(c));
        }
        String keptName = name + " " + keptNames;
        return new ImageDataset(keptName, rows, cols, keptPixels, keptLabels, List.copyOf(keptNames));
    }

    private static void checkLabels(byte[] labels, int numClasses) {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= numClasses) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xff) + " at index " + i
                        + " is out of range; labels must be 0.." + (numClasses - 1) + " (one per class name)");
            }
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
