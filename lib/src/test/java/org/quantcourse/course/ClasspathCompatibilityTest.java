package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** DL4J and Tablesaw share fastutil; the pinned version must serve both (row selections broke with DL4J's 6.5.7). */
class ClasspathCompatibilityTest {

    @Test
    void tablesawSelectionsWorkNextToDl4j() {
        Table table = Table.create("t", DoubleColumn.create("x", 3, 1, 2, 5));
        assertEquals(2, table.first(2).rowCount());
        assertEquals(1.0, table.sortAscendingOn("x").doubleColumn("x").get(0));
        assertEquals(2, table.where(table.doubleColumn("x").isGreaterThan(2)).rowCount());
    }

    @Test
    void dl4jListsStillWorkWithThePinnedFastutil() {
        it.unimi.dsi.fastutil.ints.IntArrayList list = new it.unimi.dsi.fastutil.ints.IntArrayList();
        list.add(4);
        assertEquals(4, list.getInt(0));
    }
}
