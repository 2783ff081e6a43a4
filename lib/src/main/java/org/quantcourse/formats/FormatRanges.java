package org.quantcourse.formats;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The formats side by side: widths, range and precision in one table. Used in notebook 07. */
public final class FormatRanges {
    private FormatRanges() {}

    /**
     * One row per format: name, bits, exponent and mantissa bits, largest finite value, smallest normal and
     * subnormal (for integers: 1), the relative spacing at 1 ({@code 2^-m}; 1 for integers) and whether it has
     * infinity.
     */
    public static Table of(List<? extends NumberFormat> formats) {
        Table t = Table.create("number formats", StringColumn.create("format"), IntColumn.create("bits"),
                IntColumn.create("exponent bits"), IntColumn.create("mantissa bits"), DoubleColumn.create("max"),
                DoubleColumn.create("min normal"), DoubleColumn.create("min subnormal"),
                DoubleColumn.create("spacing at 1"), StringColumn.create("infinity"));
        for (NumberFormat f : formats) {
            addRow(t, f);
        }
        return t;
    }

    private static void addRow(Table t, NumberFormat f) {
        boolean isFloat = f instanceof FloatFormat;
        FloatFormat ff = isFloat ? (FloatFormat) f : null;
        t.stringColumn("format").append(f.name());
        t.intColumn("bits").append(f.bits());
        t.intColumn("exponent bits").append(isFloat ? ff.exponentBits() : 0);
        t.intColumn("mantissa bits").append(isFloat ? ff.mantissaBits() : f.bits() - 1);
        t.doubleColumn("max").append(f.maxFinite());
        t.doubleColumn("min normal").append(isFloat ? ff.minNormal() : 1);
        t.doubleColumn("min subnormal").append(f.minPositive());
        t.doubleColumn("spacing at 1").append(f.spacing(1));
        t.stringColumn("infinity").append(isFloat && ff.specials() == FloatFormat.Specials.IEEE ? "yes" : "no");
    }
}
