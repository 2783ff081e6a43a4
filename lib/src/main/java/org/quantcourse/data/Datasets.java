package org.quantcourse.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Looks a dataset up by name: "mnist-sample" (default, offline), "fashion-mnist" or "mnist". */
public final class Datasets {

    /** Name of the dataset notebooks use unless told otherwise: the offline MNIST sample. */
    public static final String DEFAULT = MnistSample.NAME;

    private static final Map<String, Supplier<DatasetSplit>> LOADERS = loaders();

    private Datasets() {
    }

    /** The valid names, default first. */
    public static List<String> names() {
        return List.copyOf(LOADERS.keySet());
    }

    /** Loads the dataset called {@code name} (case-insensitive); unknown names are rejected with the valid ones. */
    public static DatasetSplit byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Supplier<DatasetSplit> loader = LOADERS.get(key);
        if (loader == null) {
            throw new IllegalArgumentException("unknown dataset '" + name + "'; valid names are "
                    + String.join(", ", names()) + " (default " + DEFAULT + ")");
        }
        return loader.get();
    }

    private static Map<String, Supplier<DatasetSplit>> loaders() {
        Map<String, Supplier<DatasetSplit>> loaders = new LinkedHashMap<>();
        loaders.put(MnistSample.NAME, MnistSample::load);
        loaders.put(FashionMnist.NAME, FashionMnist::load);
        loaders.put(FullMnist.NAME, FullMnist::load);
        return loaders;
    }
}
