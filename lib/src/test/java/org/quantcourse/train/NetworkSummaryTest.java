package org.quantcourse.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NetworkSummaryTest {

    @Test
    void showsEveryLayersShapesForMnist() {
        Table table = NetworkSummary.of(ArticleCnn.builder().build()).table();
        assertEquals(List.of("conv1", "conv2", "pool", "fc1", "fc2"), table.stringColumn(NetworkSummary.NAME).asList());
        assertEquals(List.of("ConvolutionLayer", "ConvolutionLayer", "SubsamplingLayer (AVG)", "DenseLayer",
                "OutputLayer"), table.stringColumn(NetworkSummary.TYPE).asList());
        assertEquals(List.of("[1, 28, 28]", "[32, 26, 26]", "[64, 24, 24]", "[2304]", "[100]"),
                table.stringColumn(NetworkSummary.INPUT).asList());
        assertEquals(List.of("[32, 26, 26]", "[64, 24, 24]", "[64, 6, 6]", "[100]", "[10]"),
                table.stringColumn(NetworkSummary.OUTPUT).asList());
    }

    @Test
    void stockAndOneDnnLayoutsHaveTheSameSummary() {
        assertEquals(NetworkSummary.of(ArticleCnn.builder().oneDnn(false).build()).toString(),
                NetworkSummary.of(ArticleCnn.builder().build()).toString());
    }

    @Test
    void spellsOutTheShapeArithmetic() {
        Table table = NetworkSummary.of(ArticleCnn.builder().build()).table();
        assertEquals(List.of("28 − 3 + 1 = 26", "26 − 3 + 1 = 24", "⌊(24 − 4) / 4⌋ + 1 = 6",
                "64·6·6 = 2304 → 100", "100 → 10"), table.stringColumn(NetworkSummary.SHAPE_ARITHMETIC).asList());
    }

    @Test
    void countsParametersPerLayerAndInTotal() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        NetworkSummary summary = NetworkSummary.of(net);
        assertEquals(List.of(320L, 18_496L, 0L, 230_500L, 1_010L),
                summary.table().longColumn(NetworkSummary.PARAMETERS).asList());
        assertEquals(net.numParams(), summary.totalParameters());
        assertEquals("32·1·3·3 + 32 = 320", summary.table().stringColumn(NetworkSummary.PARAMETER_ARITHMETIC).get(0));
        assertEquals("2304·100 + 100 = 230500",
                summary.table().stringColumn(NetworkSummary.PARAMETER_ARITHMETIC).get(3));
    }

    @Test
    void theArticlesSixtyEightPixelInputGivesItsFlattenedSize() {
        NetworkSummary summary = NetworkSummary.of(ArticleCnn.builder().inputSize(68).build());
        assertEquals("[1, 68, 68]", summary.table().stringColumn(NetworkSummary.INPUT).get(0));
        assertEquals("[64, 16, 16]", summary.outputShape(2));
        assertEquals("64·16·16 = 16384 → 100", summary.table().stringColumn(NetworkSummary.SHAPE_ARITHMETIC).get(3));
    }

    @Test
    void printsAsATableWithTheTotal() {
        String text = NetworkSummary.of(ArticleCnn.builder().build()).toString();
        assertTrue(text.contains("conv1") && text.contains("[64, 6, 6]"), text);
        assertTrue(text.endsWith("Total parameters: 250326"), text);
    }
}
