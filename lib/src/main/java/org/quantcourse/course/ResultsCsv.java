package org.quantcourse.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.quantcourse.io.AtomicFile;
import tech.tablesaw.api.Table;

/** Writes a result table as CSV under build/results, so what a figure shows is also kept as numbers. Used in notebooks 02–06. */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /** Writes the table to build/results/NAME.csv (atomically); returns nothing, so a cell may end with it. */
    public static void write(Table table, String name) {
        write(table, ProjectPaths.results(), name);
    }

    /** The file {@link #write(Table, String)} writes for {@code name}: build/results/NAME.csv. */
    public static Path file(String name) {
        return ProjectPaths.results().resolve(fileName(name));
    }

    /** Writes the table to DIR/NAME.csv (atomically). */
    public static void write(Table table, Path dir, String name) {
        String fileName = fileName(name);
        try {
            AtomicFile.write(dir.resolve(fileName), temp -> table.write().csv(temp.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write results to " + dir.resolve(fileName)
                    + ": " + e.getMessage() + ". Set course.resultsDir (or COURSE_RESULTS_DIR) to a writable folder.", e);
        }
    }

    private static String fileName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("A results name uses letters, digits, '_', '-' and '.', but was '" + name + "'");
        }
        return name.endsWith(".csv") ? name : name + ".csv";
    }
}
