package org.quantcourse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of clothes, 28 × 28,
 * read from Debian's package {@code dataset-fashion-mnist} or from a directory of the four original files.
 */
public final class FashionMnist {

    /** Name of this dataset for {@link Datasets#byName(String)}. */
    public static final String NAME = "fashion-mnist";

    /** Where {@code apt-get install dataset-fashion-mnist} puts the four files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class names, indexed by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Accepted SHA-256 per file: Debian's copy (same deflate data as the original, with the gzip header's file
     * name removed and its mtime normalised), and the original release (as listed by TensorFlow Datasets).
     */
    static final Map<String, Set<String>> SHA256 = Map.of(
            MnistFormat.TRAIN_IMAGES, Set.of(
                    "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            MnistFormat.TRAIN_LABELS, Set.of(
                    "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            MnistFormat.TEST_IMAGES, Set.of(
                    "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            MnistFormat.TEST_LABELS, Set.of(
                    "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"));

    private static final String FIX = "Install Fashion-MNIST with 'sudo apt-get install dataset-fashion-mnist'"
            + " (it goes to " + DEBIAN_DIR + "), or download the four *-ubyte.gz files from"
            + " https://github.com/zalandoresearch/fashion-mnist and call FashionMnist.load(Path.of(\"<their folder>\"))."
            + " MnistSample.load() needs no download and works offline";

    private FashionMnist() {
    }

    /** Loads Fashion-MNIST from {@link #DEBIAN_DIR}, verifying every file's SHA-256. */
    public static DatasetSplit load() {
        return load(DEBIAN_DIR);
    }

    /** Loads Fashion-MNIST from a directory holding the four *-ubyte.gz files, verifying every SHA-256. */
    public static DatasetSplit load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("Fashion-MNIST not found: " + dir + " is not a directory. " + FIX);
        }
        return MnistFormat.load(NAME, MnistFormat.directory(dir, FIX), SHA256, CLASS_NAMES, FIX);
    }
}
