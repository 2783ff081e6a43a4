package org.quantcourse.compress;

import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.DoubleColumn;

/**
 * Sizes of a compressed model per layer: FP32 bytes against stored bytes (packed codes, scales, zero-points,
 * FP32 and int32 parameters). Used in notebooks 05 and 06.
 *
 * @param rows one row per layer with parameters
 */
public record SizeReport(List<Row> rows) {

    /** One layer's sizes. */
    public record Row(int layer, String name, String type, long parameters, String weights, long fp32Bytes,
            long storedBytes) {
        /** FP32 bytes / stored bytes. */
        public double ratio() {
            return storedBytes == 0 ? 1 : (double) fp32Bytes / storedBytes;
        }
    }

    /** Copies the rows. */
    public SizeReport {
        rows = List.copyOf(rows);
    }

    /** Report of a compressed model's layers (layers without parameters are left out). */
    public static SizeReport of(List<CompressedLayer> layers) {
        return new SizeReport(layers.stream().filter(l -> !l.params().isEmpty())
                .map(l -> new Row(l.index(), l.name(), l.type(), l.parameterCount(), weights(l), l.fp32Bytes(),
                        l.storedBytes()))
                .toList());
    }

    /** Total FP32 bytes. */
    public long fp32Bytes() {
        return rows.stream().mapToLong(Row::fp32Bytes).sum();
    }

    /** Total stored bytes. */
    public long storedBytes() {
        return rows.stream().mapToLong(Row::storedBytes).sum();
    }

    /** Total FP32 bytes / total stored bytes. */
    public double compressionRatio() {
        return storedBytes() == 0 ? 1 : (double) fp32Bytes() / storedBytes();
    }

    /** The rows plus a total as a Tablesaw table. */
    public Table toTable() {
        Table t = Table.create("sizes", IntColumn.create("layer"), StringColumn.create("name"),
                StringColumn.create("type"), LongColumn.create("parameters"), StringColumn.create("weights"),
                LongColumn.create("fp32 bytes"), LongColumn.create("stored bytes"), DoubleColumn.create("ratio"));
        rows.forEach(r -> addRow(t, r));
        addRow(t, new Row(-1, "total", "", rows.stream().mapToLong(Row::parameters).sum(), "", fp32Bytes(),
                storedBytes()));
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format("%-5s %-18s %-10s %-40s %12s %12s %7s%n", "layer", "type",
                "params", "weights", "fp32 bytes", "stored", "ratio"));
        for (Row r : rows) {
            sb.append(String.format("%-5d %-18s %-10d %-40s %12d %12d %6.2fx%n", r.layer(), r.type(), r.parameters(),
                    r.weights(), r.fp32Bytes(), r.storedBytes(), r.ratio()));
        }
        return sb.append(String.format("total %-18s %-10s %-40s %12d %12d %6.2fx%n", "", "", "", fp32Bytes(),
                storedBytes(), compressionRatio())).toString();
    }

    private static String weights(CompressedLayer l) {
        LayerParam w = l.params().get("W");
        return w == null ? "fp32" : w.describe();
    }

    private static void addRow(Table t, Row r) {
        t.intColumn("layer").append(r.layer());
        t.stringColumn("name").append(r.name());
        t.stringColumn("type").append(r.type());
        t.longColumn("parameters").append(r.parameters());
        t.stringColumn("weights").append(r.weights());
        t.longColumn("fp32 bytes").append(r.fp32Bytes());
        t.longColumn("stored bytes").append(r.storedBytes());
        t.doubleColumn("ratio").append(r.ratio());
    }
}
