package org.quantcourse.dl4jfix;

import java.io.File;
import java.io.IOException;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The library's one way into DL4J's network building and loading. Loading this class installs every fix of
 * this package, once: DL4J's oneDNN layer helpers are switched on ({@link OneDnn}) and the class names under which
 * earlier versions of the course saved its layers are mapped to this package ({@link LegacyClassNames}). Every
 * library class that initializes, parses or restores a network goes through here.
 */
public final class Dl4jFixes {

    static {
        OneDnn.enable();
        LegacyClassNames.register();
    }

    private Dl4jFixes() {
    }

    /** Makes sure the fixes are installed (they are once this class is loaded); for code that calls DL4J itself. */
    public static void install() {
        // loading the class ran the static initializer
    }

    /** A new initialized network of {@code configuration}, with oneDNN helpers or on DL4J's stock code path. */
    public static MultiLayerNetwork initialized(MultiLayerConfiguration configuration, boolean oneDnn) {
        Supplier<MultiLayerNetwork> build = () -> {
            MultiLayerNetwork net = new MultiLayerNetwork(configuration);
            net.init();
            return net;
        };
        return oneDnn ? build.get() : OneDnn.withHelpersDisabled(build);
    }

    /** A new initialized graph of {@code configuration}. */
    public static ComputationGraph initialized(ComputationGraphConfiguration configuration) {
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }

    /** A network configuration from DL4J JSON, also JSON saved by earlier versions of the course. */
    public static MultiLayerConfiguration networkConfiguration(String json) {
        return MultiLayerConfiguration.fromJson(json);
    }

    /** A graph configuration from DL4J JSON. */
    public static ComputationGraphConfiguration graphConfiguration(String json) {
        return ComputationGraphConfiguration.fromJson(json);
    }

    /** A network saved by {@code ModelSerializer.writeModel}, also by earlier versions of the course. */
    public static MultiLayerNetwork restore(File file, boolean loadUpdater) throws IOException {
        return ModelSerializer.restoreMultiLayerNetwork(file, loadUpdater);
    }
}
