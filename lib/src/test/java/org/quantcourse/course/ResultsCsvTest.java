package org.quantcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ResultsCsvTest {

    @Test
    void writesTheTableAsCsvWithAHeader(@TempDir Path dir) throws Exception {
        Table table = Table.create("sweep", IntColumn.create("bits", 2, 4), DoubleColumn.create("accuracy", 0.5, 0.97));
        ResultsCsv.write(table, dir, "sweep");
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(List.of("bits,accuracy", "2,0.5", "4,0.97"), lines);
    }

    @Test
    void rejectsANameThatIsNotAPlainFileName(@TempDir Path dir) {
        Table table = Table.create("t", IntColumn.create("a", 1));
        assertThrows(IllegalArgumentException.class, () -> ResultsCsv.write(table, dir, "../escape"));
    }

    @Test
    void fileNamesWhereTheTableIsWrittenUnderTheResultsFolder() {
        assertEquals(ProjectPaths.results().resolve("sweep.csv"), ResultsCsv.file("sweep"));
        assertEquals(ProjectPaths.results().resolve("sweep.csv"), ResultsCsv.file("sweep.csv"));
        assertThrows(IllegalArgumentException.class, () -> ResultsCsv.file("../escape"));
    }
}
