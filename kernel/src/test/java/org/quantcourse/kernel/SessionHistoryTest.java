package org.quantcourse.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionHistoryTest {

    private final SessionHistory history = new SessionHistory();
    private final Set<ResultFlag> none = EnumSet.noneOf(ResultFlag.class);

    @BeforeEach
    void recordCells() {
        history.record(1, "6*7", "42");
        history.record(2, "int x = 1;", "");
        history.record(3, "6*7", "42");
    }

    @Test
    void tailReturnsTheLastCellsInOrder() {
        assertEquals(List.of("int x = 1;", "6*7"), inputs(history.lookupTail(2, none)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        List<HistoryEntry> entries = history.lookupRange(SessionHistory.SESSION, 1, 3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals(List.of("6*7", "int x = 1;"), inputs(entries));
        assertEquals("42", entries.get(0).getOutput());
    }

    @Test
    void searchMatchesGlobsAndUniqueKeepsTheLatest() {
        assertEquals(2, history.search("6?7", 0, none).size());
        List<HistoryEntry> unique = history.search("6?7", 0, EnumSet.of(ResultFlag.UNIQUE));
        assertEquals(1, unique.size());
        assertEquals(3, unique.get(0).getCellNumber());
        assertEquals(List.of("int x = 1;"), inputs(history.search("int*", 0, none)));
    }

    @Test
    void outputsAreLeftOutUnlessAsked() {
        assertNull(history.lookupTail(1, none).get(0).getOutput());
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }
}
