package org.quantcourse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The four files of an MNIST-format release (train/t10k × images/labels) and how to load them verified. */
final class MnistFormat {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Class names of handwritten digits: "0".."9". */
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Where the bytes of one file of a release come from (a directory, the classpath). */
    interface FileSource {
        /** A readable name of {@code file} for messages, e.g. its full path. */
        String describe(String file);

        /** The bytes of {@code file}; throws {@link DatasetException} if it is missing. */
        byte[] read(String file);
    }

    private MnistFormat() {
    }

    /** Reads the four files, checks each SHA-256 against {@code accepted}, and parses them into a split. */
    static DatasetSplit load(String name, FileSource source, Map<String, Set<String>> accepted,
                             List<String> classNames, String fix) {
        byte[][] contents = new byte[FILES.size()][];
        for (int f = 0; f < FILES.size(); f++) {
            contents[f] = source.read(FILES.get(f));
            Sha256.verify(source.describe(FILES.get(f)), contents[f], accepted.get(FILES.get(f)), fix);
        }
        ImageDataset train = IdxReader.read(name + " train", source.describe(TRAIN_IMAGES), contents[0],
                source.describe(TRAIN_LABELS), contents[1], classNames);
        ImageDataset test = IdxReader.read(name + " test", source.describe(TEST_IMAGES), contents[2],
                source.describe(TEST_LABELS), contents[3], classNames);
        return new DatasetSplit(train, test);
    }

    /** The files of a release in directory {@code dir}; a missing file's message ends with {@code fix}. */
    static FileSource directory(Path dir, String fix) {
        return new FileSource() {
            @Override
            public String describe(String file) {
                return dir.resolve(file).toString();
            }

            @Override
            public byte[] read(String file) {
                if (!Files.isRegularFile(dir.resolve(file))) {
                    throw new DatasetException(describe(file) + ": file not found. " + fix);
                }
                return IdxReader.readFile(dir.resolve(file));
            }
        };
    }
}
