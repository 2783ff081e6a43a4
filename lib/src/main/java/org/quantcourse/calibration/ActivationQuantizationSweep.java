package org.quantcourse.calibration;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.eval.EvaluationResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Test accuracy of the fake-quantized network for each pair of weight and activation bits (W8A8, W4A8, W8A4,
 * W4A4 by default) and each way of setting activation ranges: the static calibration methods and, optionally,
 * dynamic ranges per batch and per input. Rows {@code weight_bits, activation_bits, observer, accuracy}, the
 * columns of build/results/08_activation_quantization.csv. Used in notebook 08.
 */
public final class ActivationQuantizationSweep {
    private final MultiLayerNetwork net;
    private List<int[]> pairs = List.of(new int[] {8, 8}, new int[] {4, 8}, new int[] {8, 4}, new int[] {4, 4});
    private List<CalibrationMethod> methods = CalibrationMethod.all();
    private boolean dynamic = true;

    private ActivationQuantizationSweep(MultiLayerNetwork net) {
        this.net = net;
    }

    /** A sweep over the FP32 network {@code net}. */
    public static ActivationQuantizationSweep of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        return new ActivationQuantizationSweep(net);
    }

    /** The (weight bits, activation bits) pairs, e.g. {@code pairs(new int[][] {{8, 8}, {4, 4}})}. */
    public ActivationQuantizationSweep pairs(int[][] weightAndActivationBits) {
        List<int[]> list = new ArrayList<>();
        for (int[] p : weightAndActivationBits) {
            if (p.length != 2) {
                throw new IllegalArgumentException("each pair is {weight bits, activation bits}, got " + p.length
                        + " numbers");
            }
            list.add(p.clone());
        }
        this.pairs = List.copyOf(list);
        return this;
    }

    /** The static calibration methods (default: {@link CalibrationMethod#all()}). */
    public ActivationQuantizationSweep methods(List<CalibrationMethod> calibrationMethods) {
        this.methods = List.copyOf(calibrationMethods);
        return this;
    }

    /** Whether to add dynamic per-batch and per-input rows (default true). */
    public ActivationQuantizationSweep dynamic(boolean withDynamic) {
        this.dynamic = withDynamic;
        return this;
    }

    /** Calibrates on {@code calibration} and evaluates every configuration on {@code test}. */
    public Table run(List<INDArray> calibration, DataSetIterator test) {
        Calibration.checkBatches(calibration);
        Table t = Table.create("activation quantization", IntColumn.create("weight_bits"),
                IntColumn.create("activation_bits"), StringColumn.create("observer"), DoubleColumn.create("accuracy"));
        for (int[] p : pairs) {
            MultiLayerNetwork w = FakeQuantCnn.quantizedWeights(net, p[0]);
            for (ActivationQuantization a : activationChoices(w, calibration, p[1])) {
                double accuracy = EvaluationResult.of(FakeQuantCnn.of(w, p[0], a), test).accuracy();
                t.intColumn("weight_bits").append(p[0]);
                t.intColumn("activation_bits").append(p[1]);
                t.stringColumn("observer").append(a.name());
                t.doubleColumn("accuracy").append(accuracy);
            }
        }
        return t;
    }

    private List<ActivationQuantization> activationChoices(MultiLayerNetwork w, List<INDArray> calibration, int bits) {
        List<ActivationQuantization> choices = new ArrayList<>();
        for (CalibrationMethod m : methods) {
            choices.add(Calibration.calibrate(w, calibration, bits, m));
        }
        if (dynamic) {
            choices.add(ActivationQuantization.dynamicPerBatch(bits));
            choices.add(ActivationQuantization.dynamicPerInput(bits));
        }
        return choices;
    }
}
