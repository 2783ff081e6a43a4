package org.quantcourse.mixed;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The points that no other point dominates (smaller and at least as accurate, or as small and more accurate). */
public final class ParetoFront {
    private ParetoFront() {}

    /** The non-dominated points, by size; of equal points the first is kept. Used in notebook 14. */
    public static List<SizeAccuracyPoint> of(Collection<SizeAccuracyPoint> points) {
        List<SizeAccuracyPoint> all = List.copyOf(points);
        return all.stream().filter(p -> all.stream().noneMatch(o -> o.dominates(p)))
                .filter(p -> firstOfItsKind(all, p))
                .sorted(Comparator.comparingLong(SizeAccuracyPoint::storedBytes)).toList();
    }

    /** The points as a table with columns config, bits_per_layer, stored_bytes, accuracy. */
    public static Table table(String name, Collection<SizeAccuracyPoint> points) {
        Table t = Table.create(name, StringColumn.create("config"), StringColumn.create("bits_per_layer"),
                LongColumn.create("stored_bytes"), DoubleColumn.create("accuracy"));
        for (SizeAccuracyPoint p : points) {
            t.stringColumn("config").append(p.config());
            t.stringColumn("bits_per_layer").append(p.bitsPerLayer());
            t.longColumn("stored_bytes").append(p.storedBytes());
            t.doubleColumn("accuracy").append(p.accuracy());
        }
        return t;
    }

    private static boolean firstOfItsKind(List<SizeAccuracyPoint> all, SizeAccuracyPoint p) {
        for (SizeAccuracyPoint o : all) {
            if (o.storedBytes() == p.storedBytes() && o.accuracy() == p.accuracy()) {
                return o == p;
            }
        }
        return true;
    }
}
