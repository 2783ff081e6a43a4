package org.quantcourse.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.formats.TinyCnn;
import org.quantcourse.quant.QuantParams;
import tech.tablesaw.api.Table;

class FakeQuantCnnTest {
    private static final long SEED = 29;
    /** How far a value may be from its grid point after float arithmetic, in steps of the scale. */
    private static final double GRID_TOLERANCE = 1e-3;
    private static MultiLayerNetwork net;
    private static List<INDArray> calibration;
    private static DataSetIterator test;
    private static INDArray x;

    @BeforeAll
    static void data() {
        net = TinyCnn.network(SEED);
        calibration = Calibration.batches(TinyCnn.selfLabelled(net, TinyCnn.images(128, TinyCnn.SIDE, SEED), 32), 128);
        test = TinyCnn.selfLabelled(net, TinyCnn.images(400, TinyCnn.SIDE, SEED + 1), 100);
        x = TinyCnn.images(10, TinyCnn.SIDE, SEED + 2);
    }

    @Test
    void fp32WeightsAndActivationsGiveTheNetworkItself() {
        FakeQuantCnn sim = FakeQuantCnn.of(FakeQuantCnn.quantizedWeights(net, 32), 32, ActivationQuantization.none());
        assertTrue(net.output(x, false).equalsWithEps(sim.probabilities(x), 1e-5));
    }

    @Test
    void everyStaticActivationLiesOnItsSitesGrid() {
        MultiLayerNetwork w8 = FakeQuantCnn.quantizedWeights(net, 8);
        StaticRanges r = Calibration.calibrate(w8, calibration, 4, CalibrationMethod.minMax());
        List<INDArray> sites = FakeQuantCnn.of(w8, 8, r).siteActivations(x);
        for (int s = 0; s < sites.size(); s++) {
            QuantParams p = r.params(s);
            for (float v : sites.get(s).dup('c').reshape(sites.get(s).length()).toFloatVector()) {
                double code = v / p.scale() + p.zeroPoint();
                assertEquals(Math.rint(code), code, GRID_TOLERANCE, "site " + s);
                assertTrue(Math.rint(code) >= p.qmin() && Math.rint(code) <= p.qmax());
            }
        }
    }

    @Test
    void staticAndPerInputResultsDoNotDependOnTheRestOfTheBatchButPerBatchOnesDo() {
        MultiLayerNetwork w8 = FakeQuantCnn.quantizedWeights(net, 8);
        INDArray alone = TinyCnn.rows(x, 0, 1);
        ActivationQuantization[] choices = {Calibration.calibrate(w8, calibration, 4, CalibrationMethod.minMax()),
            ActivationQuantization.dynamicPerInput(4), ActivationQuantization.dynamicPerBatch(4)};
        boolean[] independent = new boolean[choices.length];
        for (int k = 0; k < choices.length; k++) {
            FakeQuantCnn sim = FakeQuantCnn.of(w8, 8, choices[k]);
            independent[k] = TinyCnn.rows(sim.probabilities(x), 0, 1).equalsWithEps(sim.probabilities(alone), 1e-6);
        }
        assertTrue(independent[0], "static");
        assertTrue(independent[1], "dynamic per input");
        assertTrue(!independent[2], "dynamic per batch: the other images change the range");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 4})
    void wideGridsKeepTheNetworksPredictions(int bits) {
        MultiLayerNetwork w = FakeQuantCnn.quantizedWeights(net, 8);
        StaticRanges r = Calibration.calibrate(w, calibration, bits, CalibrationMethod.minMax());
        double accuracy = EvaluationResult.of(FakeQuantCnn.of(w, 8, r), test).accuracy();
        assertTrue(accuracy >= (bits == 8 ? 0.97 : 0.6), "W8A" + bits + ": " + accuracy);
    }

    @Test
    void fewerActivationBitsMoveTheOutputFurther() {
        MultiLayerNetwork w8 = FakeQuantCnn.quantizedWeights(net, 8);
        INDArray fp32 = net.output(x, false);
        double previous = 0;
        for (int bits : new int[] {8, 5, 3}) {
            INDArray out = FakeQuantCnn.of(w8, 8, Calibration.calibrate(w8, calibration, bits,
                    CalibrationMethod.minMax())).probabilities(x);
            double error = out.distance2(fp32);
            assertTrue(error > previous, bits + " bits: " + error + " vs " + previous);
            previous = error;
        }
    }

    @Test
    void sweepHasARowPerPairAndWayOfSettingRanges() {
        Table t = ActivationQuantizationSweep.of(net).pairs(new int[][] {{8, 8}, {4, 4}})
                .methods(List.of(CalibrationMethod.minMax(), CalibrationMethod.entropy())).run(calibration, test);
        assertEquals(List.of("weight_bits", "activation_bits", "observer", "accuracy"), t.columnNames());
        assertEquals(2 * 4, t.rowCount());
        assertEquals(List.of("min-max", "entropy (KL)", "dynamic per batch", "dynamic per input"),
                t.stringColumn("observer").asList().subList(0, 4));
        assertTrue(t.doubleColumn("accuracy").get(0) >= 0.97, "W8A8 min-max");
        assertTrue(t.doubleColumn("accuracy").min() >= 0 && t.doubleColumn("accuracy").max() <= 1);
    }

    @Test
    void aKnownInputRangeIsUsedByEveryStaticRowOfTheSweep() {
        Table t = ActivationQuantizationSweep.of(net).pairs(new int[][] {{8, 4}}).inputRange(0, 1).dynamic(false)
                .methods(List.of(CalibrationMethod.minMax(), CalibrationMethod.entropy())).run(calibration, test);
        assertEquals(2, t.rowCount());
        assertTrue(t.doubleColumn("accuracy").min() >= 0.6, t.print());
        assertThrows(IllegalArgumentException.class, () -> ActivationQuantizationSweep.of(net).inputRange(0.2, 1));
    }
}
