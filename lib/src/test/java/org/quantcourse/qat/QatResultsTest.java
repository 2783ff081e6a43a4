package org.quantcourse.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class QatResultsTest {

    private static QatResults measured() {
        return QatResults.fp32(0.97).with("PTQ", 4, 8, 0.96).with("PTQ", 2, 8, 0.40).with("QAT", 2, 8, 0.93);
    }

    @Test
    void theTableHasExactlyTheCsvColumnsInTheOrderAdded() {
        Table table = measured().table();
        assertEquals(List.of("method", "weight_bits", "activation_bits", "accuracy"), table.columnNames());
        assertEquals(List.of("FP32", "PTQ", "PTQ", "QAT"), table.stringColumn("method").asList());
        assertEquals(32, table.intColumn("activation_bits").getInt(0));
        assertEquals(0.93, table.doubleColumn("accuracy").getDouble(3));
    }

    @Test
    void accuraciesAreLookedUpByMethodAndWeightBits() {
        QatResults results = measured();
        assertEquals(0.97, results.fp32Accuracy());
        assertEquals(0.40, results.accuracy("PTQ", 2));
        assertArrayEquals(new double[] {0.96, 0.40}, results.accuracies("PTQ", 4, 2));
    }

    @Test
    void withLeavesTheOriginalUnchanged() {
        QatResults before = QatResults.fp32(0.97);
        before.with("QAT", 4, 8, 0.96);
        assertEquals(1, before.rows().size());
    }

    @Test
    void badRowsAndMissingMethodsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> measured().with("PTQ", 4, 8, 0.5), "measured twice");
        assertThrows(IllegalArgumentException.class, () -> measured().with("QAT", 0, 8, 0.5));
        assertThrows(IllegalArgumentException.class, () -> measured().with("QAT", 3, 8, 97.0), "a percentage");
        assertThrows(IllegalArgumentException.class, () -> measured().with(" ", 3, 8, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> measured().accuracy("LSQ", 2));
        assertEquals(true, e.getMessage().contains("measured"));
    }
}
