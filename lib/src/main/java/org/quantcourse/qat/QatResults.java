package org.quantcourse.qat;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Test accuracies of one network under several methods (FP32, PTQ, QAT, LSQ) and bit widths, as notebook 11
 * compares them; immutable, each {@link #with} returns a longer copy. Its {@link #table()} has exactly the columns
 * of {@code build/results/11_qat_vs_ptq.csv}: {@code method, weight_bits, activation_bits, accuracy}.
 */
public final class QatResults {

    /** The bit width written for FP32 weights or activations. */
    public static final int FP32_BITS = 32;

    /** One measured accuracy. */
    public record Row(String method, int weightBits, int activationBits, double accuracy) {
        /** Checks the values: a method name, bits in 1..32, an accuracy in [0, 1]. */
        public Row {
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("name the method, e.g. \"QAT\"");
            }
            if (weightBits < 1 || weightBits > FP32_BITS || activationBits < 1 || activationBits > FP32_BITS) {
                throw new IllegalArgumentException("bits must be 1..32 (32 for FP32), got weights " + weightBits
                        + ", activations " + activationBits);
            }
            if (!(accuracy >= 0 && accuracy <= 1)) {
                throw new IllegalArgumentException("an accuracy is a fraction in [0, 1], got " + accuracy);
            }
        }
    }

    private final List<Row> rows;

    private QatResults(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Results starting with the FP32 network's accuracy (32-bit weights and activations). */
    public static QatResults fp32(double accuracy) {
        return new QatResults(List.of(new Row("FP32", FP32_BITS, FP32_BITS, accuracy)));
    }

    /** A copy with one more row; a method measured twice at the same bits is an error. */
    public QatResults with(String method, int weightBits, int activationBits, double accuracy) {
        Row row = new Row(method, weightBits, activationBits, accuracy);
        if (find(method, weightBits, activationBits) != null) {
            throw new IllegalArgumentException(method + " at " + weightBits + "/" + activationBits
                    + " bits is measured already");
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(row);
        return new QatResults(more);
    }

    /** The rows in the order they were added. */
    public List<Row> rows() {
        return rows;
    }

    /** The FP32 accuracy. */
    public double fp32Accuracy() {
        return accuracy("FP32", FP32_BITS);
    }

    /** The accuracy of {@code method} at {@code weightBits} (any activation bits; the first row found). */
    public double accuracy(String method, int weightBits) {
        for (Row row : rows) {
            if (row.method().equals(method) && row.weightBits() == weightBits) {
                return row.accuracy();
            }
        }
        throw new IllegalArgumentException("no " + method + " at " + weightBits + "-bit weights; measured: " + rows);
    }

    /** The accuracies of {@code method} at each of {@code weightBits}, in that order (for a plot). */
    public double[] accuracies(String method, int... weightBits) {
        double[] out = new double[weightBits.length];
        for (int i = 0; i < weightBits.length; i++) {
            out[i] = accuracy(method, weightBits[i]);
        }
        return out;
    }

    /** The table {@code method, weight_bits, activation_bits, accuracy}. */
    public Table table() {
        Table table = Table.create("QAT against PTQ", StringColumn.create("method"), IntColumn.create("weight_bits"),
                IntColumn.create("activation_bits"), DoubleColumn.create("accuracy"));
        for (Row row : rows) {
            table.stringColumn("method").append(row.method());
            table.intColumn("weight_bits").append(row.weightBits());
            table.intColumn("activation_bits").append(row.activationBits());
            table.doubleColumn("accuracy").append(row.accuracy());
        }
        return table;
    }

    @Override
    public String toString() {
        return "QatResults" + rows;
    }

    private Row find(String method, int weightBits, int activationBits) {
        return rows.stream().filter(r -> r.method().equals(method) && r.weightBits() == weightBits
                && r.activationBits() == activationBits).findFirst().orElse(null);
    }
}
