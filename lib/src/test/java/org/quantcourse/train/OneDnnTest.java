package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.quantcourse.dl4jfix.OneDnn;

/** The DL4J workarounds of {@code org.quantcourse.dl4jfix} on the article's CNN (see that package's table). */
class OneDnnTest {

    /** Largest difference allowed between oneDNN and stock results, relative to the largest magnitude compared. */
    private static final double FLOAT_TOLERANCE = 1e-4;
    private static final boolean LINUX_X86_64 = "Linux".equals(System.getProperty("os.name"))
            && "amd64".equals(System.getProperty("os.arch"));

    @Test
    void articleCnnGetsOneDnnHelpersOnConvolutionsAndPooling() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        assertTrue(OneDnn.helpersEnabled());
        assertTrue(OneDnn.isActive(net));
        assertTrue(net.getLayer(0).getHelper() instanceof MKLDNNConvHelper);
        assertTrue(net.getLayer(1).getHelper() instanceof MKLDNNConvHelper);
        assertTrue(net.getLayer(2).getHelper() instanceof MKLDNNSubsamplingHelper);
    }

    @Test
    void stockPathHasNoHelpersAndLeavesThePropertyAsItWas() {
        String before = System.getProperty(OneDnn.HELPERS_DISABLE_PROPERTY);
        MultiLayerNetwork stock = ArticleCnn.builder().oneDnn(false).build();
        assertFalse(OneDnn.isActive(stock));
        Arrays.stream(stock.getLayers()).forEach(layer -> assertNull(layer.getHelper()));
        assertEquals(before, System.getProperty(OneDnn.HELPERS_DISABLE_PROPERTY));
    }

    @Test
    void compatibilityShimReportsWhatTheRealEnvironmentSays() {
        ArticleCnn.builder().build();
        boolean real = org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        assertEquals(real, org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    @Test
    void nativeLibraryIsTheOneDnnBuild() {
        assumeTrue(LINUX_X86_64, "the oneDNN classifier is used on linux-x86_64");
        ArticleCnn.builder().build();
        assertTrue(OneDnn.nativeLibraryHasOneDnn(), OneDnn.nativeBuildInfo());
        String loaded = Loader.getLoadedLibraries().get("jnind4jcpu");
        assertTrue(loaded != null && loaded.contains("onednn"), "loaded from " + loaded);
    }

    @Test
    void onlyTheOneDnnNativeJarIsOnTheClasspath() {
        assumeTrue(LINUX_X86_64, "the oneDNN classifier is used on linux-x86_64");
        List<String> nativeJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(path -> new File(path).getName())
                .filter(name -> name.startsWith("nd4j-native-") && name.contains("linux-x86_64"))
                .filter(name -> !name.startsWith("nd4j-native-preset") && !name.startsWith("nd4j-native-api"))
                .toList();
        assertEquals(1, nativeJars.size(), nativeJars.toString());
        assertTrue(nativeJars.get(0).endsWith("-linux-x86_64-onednn.jar"), nativeJars.toString());
    }

    @Test
    void outputsAndGradientsMatchTheStockPath() {
        MultiLayerNetwork fast = ArticleCnn.builder().seed(7).build();
        MultiLayerNetwork stock = ArticleCnn.builder().seed(7).oneDnn(false).build();
        assertEquals(stock.params(), fast.params());
        DataSet batch = SyntheticDigits.all(32, 11);
        assertClose(stock.output(batch.getFeatures()), fast.output(batch.getFeatures()));
        assertClose(gradient(stock, batch), gradient(fast, batch));
        assertEquals(stock.score(), fast.score(), FLOAT_TOLERANCE * Math.abs(stock.score()));
    }

    @Test
    void trainingStepsMatchTheStockPathAndNeverFallBack() throws ReflectiveOperationException {
        MultiLayerNetwork fast = ArticleCnn.builder().seed(3).build();
        MultiLayerNetwork stock = ArticleCnn.builder().seed(3).oneDnn(false).build();
        DataSet batch = SyntheticDigits.all(64, 5);
        for (int step = 0; step < 3; step++) {
            fast.fit(batch);
            stock.fit(batch);
        }
        assertClose(stock.params(), fast.params());
        assertEquals(0, helperFailures(fast.getLayer(0)));
        assertEquals(0, helperFailures(fast.getLayer(1)));
    }

    @Test
    void channelsFirstOneDnnVariantAlsoMatchesTheStockPath() {
        MultiLayerNetwork nchw = ArticleCnn.builder().seed(7).channelsLast(false).build();
        MultiLayerNetwork stock = ArticleCnn.builder().seed(7).oneDnn(false).build();
        assertTrue(OneDnn.isActive(nchw));
        assertEquals(MKLDNNConvHelper.class, nchw.getLayer(1).getHelper().getClass());
        DataSet batch = SyntheticDigits.all(32, 11);
        assertClose(gradient(stock, batch), gradient(nchw, batch));
    }

    @Test
    void channelsLastLayersGetTheFixedHelperBecauseTheStockOneGetsGradientsWrong() throws ReflectiveOperationException {
        MultiLayerNetwork fixed = ArticleCnn.builder().seed(7).build();
        assertTrue(fixed.getLayer(1).getHelper() .getClass().getSimpleName().equals("ChannelsLastConvHelper"));
        MultiLayerNetwork unfixed = ArticleCnn.builder().seed(7).build();
        Field helper = ConvolutionLayer.class.getDeclaredField("helper");
        helper.setAccessible(true);
        for (int i = 0; i < 2; i++) {
            helper.set(unfixed.getLayer(i), new MKLDNNConvHelper(DataType.FLOAT));
            ((BaseLayer) unfixed.getLayer(i).conf().getLayer()).setActivationFn(new ActivationReLU());
        }
        DataSet batch = SyntheticDigits.all(32, 11);
        INDArray expected = gradient(ArticleCnn.builder().seed(7).oneDnn(false).build(), batch);
        assertClose(expected, gradient(fixed, batch));
        double error = expected.sub(gradient(unfixed, batch)).amaxNumber().doubleValue();
        assertTrue(error > 100 * FLOAT_TOLERANCE * expected.amaxNumber().doubleValue(),
                "DL4J's own NHWC oneDNN backward pass is right now (error " + error + "): the fix may be dropped");
    }

    private static INDArray gradient(MultiLayerNetwork net, DataSet batch) {
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().dup();
    }

    private static int helperFailures(Layer layer) throws ReflectiveOperationException {
        Field count = ConvolutionLayer.class.getDeclaredField("helperCountFail");
        count.setAccessible(true);
        return count.getInt(layer);
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double scale = Math.max(1e-12, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference <= FLOAT_TOLERANCE * scale, "max difference " + difference + " vs scale " + scale);
    }
}
