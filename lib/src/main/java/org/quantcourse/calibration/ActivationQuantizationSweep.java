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
 *
 * <p>Cost: the network runs once over the calibration set for all methods and activation widths together
 * ({@link Calibration#calibrate(MultiLayerNetwork, List, List, int...)}), on the FP32 network, and those ranges
 * are reused for every weight width (weight rounding moves the activation ranges by far less than one step at
 * 4 or 8 bits); then one pass over {@code test} per row. Pass a fixed test subset to bound the time.
 */
public final class ActivationQuantizationSweep {
    private final MultiLayerNetwork net;
    private List<int[]> pairs = List.of(new int[] {8, 8}, new int[] {4, 8}, new int[] {8, 4}, new int[] {4, 4});
    private List<CalibrationMethod> methods = CalibrationMethod.all();
    private boolean dynamic = true;
    private double[] inputRange;

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

    /**
     * Gives the input site (site 0) the known range {@code [lo, hi]} in every static configuration instead of a
     * calibrated one (e.g. {@code [0, 1]} for pixels scaled from 8-bit codes); default: calibrated like every site.
     */
    public ActivationQuantizationSweep inputRange(double lo, double hi) {
        if (!(lo <= 0 && hi > lo)) {
            throw new IllegalArgumentException("the input range must contain 0 and be non-empty, got [" + lo + ", "
                    + hi + "]");
        }
        this.inputRange = new double[] {lo, hi};
        return this;
    }

    /** Calibrates on {@code calibration} and evaluates every configuration on {@code test}. */
    public Table run(List<INDArray> calibration, DataSetIterator test) {
        Calibration.checkBatches(calibration);
        int[] activationBits = pairs.stream().mapToInt(p -> p[1]).distinct().toArray();
        List<StaticRanges> ranges = Calibration.calibrate(net, calibration, methods, activationBits);
        Table t = Table.create("activation quantization", IntColumn.create("weight_bits"),
                IntColumn.create("activation_bits"), StringColumn.create("observer"), DoubleColumn.create("accuracy"));
        for (int[] p : pairs) {
            MultiLayerNetwork w = FakeQuantCnn.quantizedWeights(net, p[0]);
            for (ActivationQuantization a : activationChoices(ranges, p[1])) {
                double accuracy = EvaluationResult.of(FakeQuantCnn.of(w, p[0], a), test).accuracy();
                t.intColumn("weight_bits").append(p[0]);
                t.intColumn("activation_bits").append(p[1]);
                t.stringColumn("observer").append(a.name());
                t.doubleColumn("accuracy").append(accuracy);
            }
        }
        return t;
    }

    private List<ActivationQuantization> activationChoices(List<StaticRanges> ranges, int bits) {
        List<ActivationQuantization> choices = new ArrayList<>();
        for (StaticRanges r : ranges) {
            if (r.bits() == bits) {
                choices.add(inputRange == null ? r : r.withRange(0, inputRange[0], inputRange[1], r.name()));
            }
        }
        if (dynamic) {
            choices.add(ActivationQuantization.dynamicPerBatch(bits));
            choices.add(ActivationQuantization.dynamicPerInput(bits));
        }
        return choices;
    }
}
