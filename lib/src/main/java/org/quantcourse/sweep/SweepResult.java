package org.quantcourse.sweep;

import java.util.OptionalInt;
import tech.tablesaw.api.Table;

/**
 * The measured sweep: one row per (method, bits) with accuracy and stored size, and the FP32 accuracy it is
 * compared with. Used in notebook 06.
 */
public record SweepResult(Table table, double fp32Accuracy) {

    /** The rows of one method, in bit order. */
    public Table method(String name) {
        Table rows = table.where(table.stringColumn("method").isEqualTo(name));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No method named '" + name + "' in the sweep; it has "
                    + table.stringColumn("method").unique().asList());
        }
        return rows;
    }

    /** The accuracy of a method at a bit width. */
    public double accuracy(String method, int bits) {
        Table rows = method(method);
        Table row = rows.where(rows.intColumn("bits").isEqualTo(bits));
        if (row.isEmpty()) {
            throw new IllegalArgumentException("'" + method + "' was not run at " + bits + " bits");
        }
        return row.doubleColumn("accuracy").get(0);
    }

    /** The fewest bits at which a method stays within {@code tolerance} of FP32 accuracy at that width and every wider one. */
    public OptionalInt smallestBitsWithin(String method, double tolerance) {
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

    /** The bit widths of a method, as doubles for a plot's x axis. */
    public double[] bits(String method) {
        return method(method).intColumn("bits").asDoubleArray();
    }

    /** The accuracies of a method, in bit order, for a plot's y axis. */
    public double[] accuracies(String method) {
        return method(method).doubleColumn("accuracy").asDoubleArray();
    }
}
