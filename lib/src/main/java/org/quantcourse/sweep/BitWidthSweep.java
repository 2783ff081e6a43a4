package org.quantcourse.sweep;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.train.NotebookProgress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accuracy against bit width: every method at every bit width, weight-only post-training quantization of a trained
 * network, evaluated on test data, with the stored size of each compressed model; live progress in a notebook
 * with {@link #progress(NotebookProgress)}. Used in notebook 06.
 */
public final class BitWidthSweep {

    private final MultiLayerNetwork net;
    private final List<SweepMethod> methods = new ArrayList<>();
    private int minBits = 1;
    private int maxBits = 8;
    private NotebookProgress progress;

    private BitWidthSweep(MultiLayerNetwork net) {
        this.net = net;
    }

    /** A sweep over the weights of a trained network (left untouched). */
    public static BitWidthSweep of(MultiLayerNetwork net) {
        if (net == null) {
            throw new IllegalArgumentException("The sweep needs a trained network, but got null");
        }
        return new BitWidthSweep(net);
    }

    /** The four uniform methods of the article's plot: {@link SweepMethod#UNIFORM}. */
    public BitWidthSweep uniformMethods() {
        SweepMethod.UNIFORM.forEach(this::method);
        return this;
    }

    /** Adds a method (e.g. {@link SweepMethod#ARTICLE}); each method once. */
    public BitWidthSweep method(SweepMethod method) {
        if (method == null || methods.stream().anyMatch(m -> m.name().equals(method.name()))) {
            throw new IllegalArgumentException("Add each method once and not null; the sweep already has " + methods);
        }
        methods.add(method);
        return this;
    }

    /** Shows which model the sweep is at, its accuracy and the time to go, in place in a notebook cell. */
    public BitWidthSweep progress(NotebookProgress progress) {
        this.progress = progress;
        return this;
    }

    /** The bit widths, inclusive (1..8 by default). */
    public BitWidthSweep bits(int min, int max) {
        if (min < 1 || max > 16 || min > max) {
            throw new IllegalArgumentException("Bit widths must satisfy 1 <= min <= max <= 16, but got " + min + ".." + max);
        }
        this.minBits = min;
        this.maxBits = max;
        return this;
    }

    /** Runs every method at every bit width on the test data; one row per (method, bits). */
    public SweepResult run(DataSetIterator test) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("No method to sweep: add uniformMethods() or method(...) first");
        }
        Table table = Table.create("accuracy against bit width", StringColumn.create("method"), IntColumn.create("bits"),
                DoubleColumn.create("accuracy"), LongColumn.create("stored bytes"), DoubleColumn.create("compression"));
        double fp32 = EvaluationResult.of(net, test).accuracy();
        int total = modelCount();
        long start = System.nanoTime();
        SweepProgress last = null;
        for (SweepMethod method : methods) {
            for (int bits = minBits; bits <= maxBits; bits++) {
                if (method.supports(bits)) {
                    double accuracy = addRow(table, method, bits, test);
                    last = new SweepProgress(table.rowCount(), total, method, bits, accuracy,
                            (System.nanoTime() - start) / 1e9);
                    report(last);
                }
            }
        }
        if (progress != null && last != null) {
            progress.show(last.summary());
        }
        return new SweepResult(table, fp32);
    }

    private int modelCount() {
        int count = 0;
        for (SweepMethod method : methods) {
            for (int bits = minBits; bits <= maxBits; bits++) {
                count += method.supports(bits) ? 1 : 0;
            }
        }
        return count;
    }

    private void report(SweepProgress step) {
        if (progress != null) {
            progress.step(step.line());
        }
    }

    private double addRow(Table table, SweepMethod method, int bits, DataSetIterator test) {
        CompressedModel compressed = method.compress(net, bits);
        double accuracy = EvaluationResult.of(method.predictor(net, compressed, bits), test).accuracy();
        table.stringColumn("method").append(method.name());
        table.intColumn("bits").append(bits);
        table.doubleColumn("accuracy").append(accuracy);
        table.longColumn("stored bytes").append(compressed == null ? net.numParams() * Float.BYTES
                : compressed.sizeReport().storedBytes());
        table.doubleColumn("compression").append(compressed == null ? 1.0 : compressed.sizeReport().compressionRatio());
        return accuracy;
    }
}
