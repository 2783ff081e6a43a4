package org.quantcourse.exercises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.quantcourse.sweep.SweepResult;
import org.quantcourse.train.ArticleCnn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class Exercises06Test implements FreshAttemptsEachTest {

    @Test
    void fewestBitsStopsAtTheFirstWidthMoreThanOnePointBelowFp32() {
        // FP32 0.970: within one point at 8..4 bits (0.965 is 0.005 below), not at 3 (0.955); 2 is irrelevant
        double[] accuracy = {0.10, 0.969, 0.955, 0.965, 0.970, 0.968, 0.970, 0.969};
        Table t = Table.create(StringColumn.create("method"), IntColumn.create("bits"), DoubleColumn.create("accuracy"));
        for (int b = 1; b <= 8; b++) {
            t.stringColumn("method").append("asymmetric per-channel");
            t.intColumn("bits").append(b);
            t.doubleColumn("accuracy").append(accuracy[b - 1]);
        }
        SweepResult sweep = new SweepResult(t, 0.970);
        assertTrue(Exercises06.fewestBitsAsymmetricPerChannel(sweep, 4).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises06.fewestBitsAsymmetricPerChannel(sweep, 3)), "3 bits lose 1.5 points");
        assertFalse(Judging.passesFirstTime(() -> Exercises06.fewestBitsAsymmetricPerChannel(sweep, 2)), "not at every wider width");
    }

    @Test
    void compressionRatioCountsScalesAndFp32Biases() {
        MultiLayerNetwork net = ArticleCnn.builder().build();
        long fp32 = 4 * net.numParams();
        long stored = 0;
        for (Layer layer : net.getLayers()) {
            if (layer.getParam("W") == null) {
                continue; // pooling
            }
            long weights = layer.getParam("W").length();
            long channels = layer.getParam("b").length();
            stored += (weights * 4 + 7) / 8 + 4 * channels + 4 * channels; // codes, one scale per channel, biases
        }
        double ratio = (double) fp32 / stored;
        assertTrue(Exercises06.compressionRatio4Bit(net, Math.round(ratio * 10) / 10.0).passed(), "ratio " + ratio);
        assertFalse(Judging.passesFirstTime(() -> Exercises06.compressionRatio4Bit(net, 8.0)), "32/4 ignores the scales and biases");
    }

    @Test
    void sqnrGainIsAboutSixDbPerBit() {
        assertTrue(Exercises06.sqnrGainFrom4To6Bits(2 * 10 * Math.log10(4)).passed());
        assertFalse(Judging.passesFirstTime(() -> Exercises06.sqnrGainFrom4To6Bits(6.02)), "that is one bit");
        assertFalse(Judging.passesFirstTime(() -> Exercises06.sqnrGainFrom4To6Bits(24)), "two bits, not four");
    }
}
