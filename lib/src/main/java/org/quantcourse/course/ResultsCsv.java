package org.quantcourse.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tech.tablesaw.api.Table;

/** Writes a result table as CSV under build/results, so what a figure shows is also kept as numbers. Used in notebooks 02–06. */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /** Writes the table to build/results/NAME.csv (atomically) and returns the file. */
    public static Path write(Table table, String name) {
        return write(table, ProjectPaths.results(), name);
    }

    /** Writes the table to DIR/NAME.csv (atomically) and returns the file. */
    public static Path write(Table table, Path dir, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("A results name uses letters, digits, '_', '-' and '.', but was '" + name + "'");
        }
        String fileName = name.endsWith(".csv") ? name : name + ".csv";
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName);
            Path temp = Files.createTempFile(dir, fileName, ".tmp");
            table.write().csv(temp.toFile());
            return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write results to " + dir.resolve(fileName)
                    + ": " + e.getMessage() + ". Set course.resultsDir (or COURSE_RESULTS_DIR) to a writable folder.", e);
        }
    }
}
