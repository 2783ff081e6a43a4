package org.nd4j.nativeblas;

/**
 * Compatibility shim so that DL4J 1.0.0-M2.1 finds its oneDNN (MKL-DNN) layer helpers.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper#mklDnnEnabled()} looks up, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, its static {@code getInstance()} and its instance method
 * {@code isUseMKLDNN()}. In ND4J M2.1 the bindings moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was renamed
 * {@code isUseONEDNN()}, so the lookup fails and every oneDNN helper is silently removed. This class provides
 * exactly those three members under the old name and delegates to the real environment.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old-named environment: only what DL4J's reflective lookup needs. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** Returns the single instance, as the old native binding did. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Tells whether the loaded native ND4J library uses oneDNN (delegates to {@code isUseONEDNN()}). */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
