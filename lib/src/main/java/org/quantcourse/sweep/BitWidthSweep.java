package org.quantcourse.sweep;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.quantcourse.compress.CompressedModel;
import org.quantcourse.eval.EvaluationResult;
import org.quantcourse.quant.Scheme;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Accuracy against bit width: every method at every bit width, weight-only post-training quantization of a trained
 * network, evaluated on test data, with the stored size of each compressed model. Used in notebook 06.
 */
public final class BitWidthSweep {

    private final MultiLayerNetwork net;
    private final List<SweepMethod> methods = new ArrayList<>();
    private int minBits = 1;
    private int maxBits = 8;

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

    /** The four uniform methods of the article's plot: {symmetric, asymmetric} × {per-tensor, per-channel}. */
    public BitWidthSweep uniformMethods() {
        for (Scheme scheme : new Scheme[] {Scheme.SYMMETRIC, Scheme.ASYMMETRIC}) {
            methods.add(SweepMethod.uniform(scheme, false));
            methods.add(SweepMethod.uniform(scheme, true));
        }
        return this;
    }

    /** Adds a method (e.g. {@link SweepMethod#articleAsWritten()}). */
    public BitWidthSweep method(SweepMethod method) {
        methods.add(method);
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
        for (SweepMethod method : methods) {
            for (int bits = minBits; bits <= maxBits; bits++) {
                if (method.supports(bits)) {
                    addRow(table, method, bits, test);
                }
            }
        }
        return new SweepResult(table, fp32);
    }

    private void addRow(Table table, SweepMethod method, int bits, DataSetIterator test) {
        CompressedModel compressed = method.compress(net, bits);
        double accuracy = EvaluationResult.of(method.predictor(net, compressed, bits), test).accuracy();
        table.stringColumn("method").append(method.name());
        table.intColumn("bits").append(bits);
        table.doubleColumn("accuracy").append(accuracy);
        table.longColumn("stored bytes").append(compressed == null ? net.numParams() * Float.BYTES
                : compressed.sizeReport().storedBytes());
        table.doubleColumn("compression").append(compressed == null ? 1.0 : compressed.sizeReport().compressionRatio());
    }
}
