package org.quantcourse.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.OptionalInt;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The measured sweep: one row per (method, bits) with accuracy (and, from {@link BitWidthSweep}, stored size), and
 * the FP32 accuracy it is compared with. Read it by {@link SweepMethod} key, e.g.
 * {@code sweep.accuracy(SweepMethod.SYMMETRIC_PER_CHANNEL, 4)}. Used in notebook 06.
 */
public record SweepResult(Table table, double fp32Accuracy) {

    /** Checks the table has the columns "method" (text), "bits" (int) and "accuracy" (double). */
    public SweepResult {
        if (table == null || !table.containsColumn("method") || !table.containsColumn("bits")
                || !table.containsColumn("accuracy")) {
            throw new IllegalArgumentException("A sweep table needs the columns method, bits and accuracy, but got "
                    + (table == null ? "null" : table.columnNames()));
        }
    }

    /** A sweep read from a table of rows (method, bits, accuracy, ...), e.g. the PyTorch reference's CSV. */
    public static SweepResult of(Table rows, double fp32Accuracy) {
        return new SweepResult(rows, fp32Accuracy);
    }

    /** The rows of one method, in bit order. */
    public Table method(SweepMethod method) {
        Table rows = table.where(table.stringColumn("method").isEqualTo(method.name()));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The sweep has no rows of '" + method.name() + "'; it has "
                    + table.stringColumn("method").unique().asList() + ": add the method to the sweep first");
        }
        return rows.sortAscendingOn("bits");
    }

    /** The accuracy of a method at a bit width. */
    public double accuracy(SweepMethod method, int bits) {
        Table rows = method(method);
        Table row = rows.where(rows.intColumn("bits").isEqualTo(bits));
        if (row.isEmpty()) {
            throw new IllegalArgumentException("'" + method.name() + "' was not run at " + bits + " bits; it was run at "
                    + rows.intColumn("bits").asList());
        }
        return row.doubleColumn("accuracy").get(0);
    }

    /** The fewest bits at which a method stays within {@code tolerance} of FP32 accuracy at that width and every wider one. */
    public OptionalInt smallestBitsWithin(SweepMethod method, double tolerance) {
        Table rows = method(method).sortDescendingOn("bits");
        int smallest = -1;
        for (int i = 0; i < rows.rowCount(); i++) {
            if (fp32Accuracy - rows.doubleColumn("accuracy").get(i) > tolerance) {
                break;
            }
            smallest = rows.intColumn("bits").get(i);
        }
        return smallest < 0 ? OptionalInt.empty() : OptionalInt.of(smallest);
    }

    /** {@link #smallestBitsWithin} for each method: columns "method" and "bits" (missing where no width stays close). */
    public Table smallestBitsTable(List<SweepMethod> methods, double tolerance) {
        String points = BigDecimal.valueOf(100 * tolerance).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        Table out = Table.create("fewest bits within " + points + (points.equals("1") ? " point" : " points") + " of FP32",
                StringColumn.create("method"), IntColumn.create("bits"));
        for (SweepMethod m : methods) {
            out.stringColumn("method").append(m.name());
            OptionalInt bits = smallestBitsWithin(m, tolerance);
            if (bits.isPresent()) {
                out.intColumn("bits").append(bits.getAsInt());
            } else {
                out.intColumn("bits").appendMissing();
            }
        }
        return out;
    }

    /** Accuracy in percent (one decimal), one row per bit width, one column per method; the methods' bits must agree. */
    public Table accuracyByBits(List<SweepMethod> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("Name at least one method, e.g. SweepMethod.UNIFORM");
        }
        int[] bits = method(methods.get(0)).intColumn("bits").asIntArray();
        Table out = Table.create("test accuracy (%)", IntColumn.create("bits", bits));
        for (SweepMethod m : methods) {
            DoubleColumn column = DoubleColumn.create(m.name());
            for (int b : bits) {
                column.append(Math.round(1000 * accuracy(m, b)) / 10.0);
            }
            out.addColumns(column);
        }
        return out;
    }

    /** The bit widths of a method, as doubles for a plot's x axis. */
    public double[] bits(SweepMethod method) {
        return method(method).intColumn("bits").asDoubleArray();
    }

    /** The accuracies of a method, in bit order, for a plot's y axis. */
    public double[] accuracies(SweepMethod method) {
        return method(method).doubleColumn("accuracy").asDoubleArray();
    }
}
