package org.quantcourse.dl4jfix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Dl4jFixesTest {

    /** A float32 network evaluated twice on the same data gives the same outputs up to this. */
    private static final float OUTPUT_TOLERANCE = 1e-6f;
    /** The article's CNN on 8×8 inputs, saved with ModelSerializer by version 0.1 (classes in org.quantcourse.train). */
    private static final String LEGACY_MODEL = "article-cnn-8px-v0.1.zip";

    @Test
    void modelSavedBeforeTheWorkaroundsMovedLoadsWithTheSameOutputs() throws Exception {
        MultiLayerNetwork net = Dl4jFixes.restore(fixture(LEGACY_MODEL), false);
        assertArrayEquals(expectedOutputs(), net.output(fixtureInputs()).data().asFloat(), OUTPUT_TOLERANCE);
        assertEquals(ChannelsLastConvolution.class, net.getLayerWiseConfigurations().getConf(0).getLayer().getClass());
        assertEquals(ChannelsLastReLU.class,
                ((BaseLayer) net.getLayerWiseConfigurations().getConf(1).getLayer()).getActivationFn().getClass());
        assertEquals(ChannelsLastInput.class, net.getLayerWiseConfigurations().getInputPreProcess(0).getClass());
        assertEquals(ChannelsFirstFlatten.class, net.getLayerWiseConfigurations().getInputPreProcess(3).getClass());
        assertTrue(OneDnn.isActive(net), "a loaded legacy model uses oneDNN");
    }

    @Test
    void dl4jsOwnSerializerAlsoReadsTheLegacyModelOnceTheFixesAreInstalled() throws Exception {
        Dl4jFixes.install();
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(fixture(LEGACY_MODEL), false);
        assertArrayEquals(expectedOutputs(), net.output(fixtureInputs()).data().asFloat(), OUTPUT_TOLERANCE);
        assertFalse(net.getLayerWiseConfigurations().toJson().contains("org.quantcourse.train."),
                "saved again, the model names the new classes");
    }

    @Test
    void everyLegacyNameMapsToAClassOfThisPackageWithTheSameSimpleName() {
        LegacyClassNames.RENAMED.forEach((old, now) -> {
            assertEquals(Dl4jFixes.class.getPackage(), now.getPackage());
            assertEquals(old.substring(old.lastIndexOf('.') + 1), now.getSimpleName());
        });
    }

    @Test
    void enableKeepsAValueTheUserSetExplicitly() {
        String before = System.getProperty(OneDnn.HELPERS_DISABLE_PROPERTY);
        try {
            System.setProperty(OneDnn.HELPERS_DISABLE_PROPERTY, "true");
            assertEquals("true", OneDnn.enable());
            assertFalse(OneDnn.helpersEnabled());
            System.clearProperty(OneDnn.HELPERS_DISABLE_PROPERTY);
            assertEquals("false", OneDnn.enable());
        } finally {
            System.setProperty(OneDnn.HELPERS_DISABLE_PROPERTY, before == null ? "false" : before);
        }
    }

    /** The inputs the fixture's outputs were computed on: 3 images of 8×8, pixel i = (7i mod 13) / 13. */
    static INDArray fixtureInputs() {
        float[] pixels = new float[3 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 7 % 13) / 13f;
        }
        return Nd4j.create(pixels, new long[] {3, 1, 8, 8});
    }

    private static float[] expectedOutputs() throws IOException {
        try (InputStream in = Dl4jFixesTest.class.getResourceAsStream("article-cnn-8px-v0.1.output.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String[] values = text.substring(1, text.length() - 1).split(",\\s*");
            float[] out = new float[values.length];
            Arrays.setAll(values, i -> values[i].trim());
            for (int i = 0; i < values.length; i++) {
                out[i] = Float.parseFloat(values[i]);
            }
            return out;
        }
    }

    private static File fixture(String name) throws URISyntaxException {
        return new File(Dl4jFixesTest.class.getResource(name).toURI());
    }
}
