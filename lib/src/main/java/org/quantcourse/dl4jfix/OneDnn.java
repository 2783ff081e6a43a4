package org.quantcourse.dl4jfix;

import java.util.Arrays;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Tells whether DL4J's oneDNN layer helpers are on and whether a network really uses them. Used in notebook 04.
 *
 * <p>DL4J 1.0.0-M2.1 creates layer helpers only when the system property {@value #HELPERS_DISABLE_PROPERTY} is
 * {@code false}; it reads the property each time a layer is created (in {@code net.init()} and when a model is
 * loaded). {@link #enable()} sets it to {@code false} unless the user already set it; {@link Dl4jFixes} calls it
 * once. The helpers also need the compatibility class {@link org.nd4j.nativeblas.Nd4jCpu} shipped in this library.
 */
public final class OneDnn {

    /** The DL4J system property that disables layer helpers unless it is {@code false}. */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final String HELPER_PACKAGE = "org.deeplearning4j.nn.layers.mkldnn.";
    private static final Object PROPERTY_LOCK = new Object();

    private OneDnn() {
    }

    /** Sets {@value #HELPERS_DISABLE_PROPERTY} to {@code false} unless it was set explicitly; returns its value. */
    static String enable() {
        synchronized (PROPERTY_LOCK) {
            if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
                System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
            }
            return System.getProperty(HELPERS_DISABLE_PROPERTY);
        }
    }

    /** Tells whether DL4J will create layer helpers for networks built from now on. */
    public static boolean helpersEnabled() {
        return "false".equalsIgnoreCase(System.getProperty(HELPERS_DISABLE_PROPERTY, "true"));
    }

    /** Tells whether the loaded native ND4J library was built with oneDNN and has it switched on. */
    public static boolean nativeLibraryHasOneDnn() {
        Nd4j.getExecutioner();
        boolean inUse = org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        return inUse && build != null && build.toUpperCase().contains("ONEDNN");
    }

    /** The native library's own build description (compiler, CPU features, helpers such as oneDNN). */
    public static String nativeBuildInfo() {
        Nd4j.getExecutioner();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    /** Tells whether every convolution and pooling layer of {@code net} got a oneDNN helper (and there is one). */
    public static boolean isActive(MultiLayerNetwork net) {
        long candidates = Arrays.stream(net.getLayers()).filter(OneDnn::canHaveHelper).count();
        long accelerated = Arrays.stream(net.getLayers()).filter(OneDnn::hasOneDnnHelper).count();
        return candidates > 0 && accelerated == candidates;
    }

    private static boolean canHaveHelper(Layer layer) {
        return layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer;
    }

    private static boolean hasOneDnnHelper(Layer layer) {
        LayerHelper helper = layer.getHelper();
        for (Class<?> type = helper == null ? null : helper.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith(HELPER_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code build} with layer helpers disabled, giving DL4J's stock code path; restores the property. */
    static <T> T withHelpersDisabled(Supplier<T> build) {
        synchronized (PROPERTY_LOCK) {
            String before = System.getProperty(HELPERS_DISABLE_PROPERTY);
            System.setProperty(HELPERS_DISABLE_PROPERTY, "true");
            try {
                return build.get();
            } finally {
                restore(before);
            }
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(HELPERS_DISABLE_PROPERTY);
        } else {
            System.setProperty(HELPERS_DISABLE_PROPERTY, before);
        }
    }
}
