package org.quantcourse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.formats.TinyCnn;
import org.quantcourse.quant.QuantParams;
import tech.tablesaw.api.Table;

class CalibrationTest {
    private static final long SEED = 23;
    private static MultiLayerNetwork net;
    private static List<INDArray> calibration;
    private static ActivationStatistics stats;

    @BeforeAll
    static void calibrationSet() {
        net = TinyCnn.network(SEED);
        DataSetIterator data = TinyCnn.selfLabelled(net, TinyCnn.images(96, TinyCnn.SIDE, SEED), 16);
        calibration = Calibration.batches(data, 80);
        stats = ActivationStatistics.collect(net, calibration);
    }

    static List<CalibrationMethod> methods() {
        return CalibrationMethod.all();
    }

    @Test
    void batchesHoldExactlyTheImagesAskedFor() {
        assertEquals(5, calibration.size());
        assertEquals(80, calibration.stream().mapToLong(b -> b.size(0)).sum());
        DataSetIterator data = TinyCnn.selfLabelled(net, TinyCnn.images(20, TinyCnn.SIDE, SEED), 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Calibration.batches(data, 21));
        assertTrue(e.getMessage().contains("only 20"));
    }

    @Test
    void minMaxRangesAreTheExtremesSeenAtEverySite() {
        StaticRanges r = Calibration.calibrate(net, calibration, 8, CalibrationMethod.minMax());
        Table summary = stats.summary();
        for (int s = 0; s < r.params().size(); s++) {
            double max = summary.doubleColumn("max").get(s);
            // the zero-point is rounded to an integer, which moves the range by up to one step
            assertEquals(max, r.params(s).rangeMax(0), r.params(s).scale(), "site " + s);
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void reluSitesGetTheUnsignedGridWithZeroPointZero(CalibrationMethod method) {
        StaticRanges r = Calibration.calibrate(net, calibration, 8, method);
        for (int s = 0; s <= 4; s++) { // input, conv1, conv2, pool, dense: all >= 0
            QuantParams p = r.params(s);
            assertEquals(0, p.zeroPoint(), method.name() + " site " + s);
            assertTrue(p.rangeMax(0) > 0 && p.rangeMax(0) <= stats.summary().doubleColumn("max").get(s) * 1.0001,
                    method.name() + " site " + s + ": " + p);
        }
        assertEquals(8, r.bits());
        assertEquals(method.name(), r.name());
        assertEquals(6, r.table().rowCount());
    }

    @Test
    void clippingMethodsChooseNarrowerRangesThanMinMax() {
        StaticRanges minMax = Calibration.calibrate(net, calibration, 8, CalibrationMethod.minMax());
        for (CalibrationMethod m : List.of(CalibrationMethod.percentile(99.0), CalibrationMethod.entropy())) {
            StaticRanges clipped = Calibration.calibrate(net, calibration, 8, m);
            assertTrue(clipped.params(2).rangeMax(0) < minMax.params(2).rangeMax(0), m.name());
        }
    }

    @Test
    void statisticsHoldEveryValueOfEverySite() {
        assertEquals(List.of("input", "layer0", "layer1", "layer2", "layer3", "layer4 logits"), stats.sites());
        assertEquals(80 * 64, stats.values(0).length);
        assertEquals(80 * 4 * 6 * 6, stats.values("layer0").length);
        assertEquals(80 * 3, stats.values(5).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stats.values("conv9"));
        assertTrue(e.getMessage().contains("layer0"));
    }

    @Test
    void histogramCountsEveryNonZeroValueAndDrawsTheRanges() {
        float[] v = stats.values(2);
        long nonZero = 0;
        for (float x : v) {
            nonZero += x != 0 ? 1 : 0;
        }
        StaticRanges r = Calibration.calibrate(net, calibration, 8, CalibrationMethod.minMax());
        ActivationHistogram h = ActivationHistogram.of(v, 60, "conv2").range(r, 2).range("clip", 0, 0.5);
        assertEquals(nonZero, java.util.Arrays.stream(h.counts()).sum());
        assertEquals(3, h.chart().getSeriesMap().size());
        assertTrue(h.image().getWidth() > 0);
    }

    @Test
    void onePassCalibrationGivesTheSameRangesAsOneMethodAtATime() {
        List<CalibrationMethod> methods = List.of(CalibrationMethod.minMax(), CalibrationMethod.percentile(99.0),
                CalibrationMethod.entropy());
        List<StaticRanges> all = Calibration.calibrate(net, calibration, methods, 8, 4);
        assertEquals(6, all.size());
        for (int b = 0; b < 2; b++) {
            for (int m = 0; m < methods.size(); m++) {
                StaticRanges one = Calibration.calibrate(net, calibration, b == 0 ? 8 : 4, methods.get(m));
                assertEquals(one, all.get(b * methods.size() + m), methods.get(m).name() + " " + one.bits());
            }
        }
    }

    @Test
    void aKnownRangeReplacesTheCalibratedOneAtItsSiteOnly() {
        StaticRanges r = Calibration.calibrate(net, calibration, 4, CalibrationMethod.entropy());
        StaticRanges fixed = r.withRange(0, 0, 1, "entropy, input [0, 1]");
        assertEquals(1.0, fixed.params(0).rangeMax(0), 1e-6);
        assertEquals(0, fixed.params(0).zeroPoint());
        assertEquals(r.params().subList(1, 6), fixed.params().subList(1, 6));
        assertEquals("entropy, input [0, 1]", fixed.name());
        assertThrows(IllegalArgumentException.class, () -> r.withRange(6, 0, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> r.withRange(0, 0.5, 1, "x"));
    }
}
