package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The setup cells ({@code %jars}, then the imports and the seed) of every executed notebook and solution show
 * nothing: no kernel chatter such as JShell's recompilation of the notebook functions after an import, which
 * upstream IJava does not print either. Checked on the copies {@link NotebookExecutionTest} wrote (runs after it,
 * alphabetical order).
 */
class SilentSetupCellsTest {

    private static final Path EXECUTED = CourseKernel.ROOT.resolve("build/test-notebooks");
    private static final int SETUP_CELLS = 2;

    @TestFactory
    Stream<DynamicTest> setupCellsOfEveryExecutedNotebookHaveNoOutput() throws IOException {
        List<Path> executed = new ArrayList<>(NotebookExecutionTest.glob(EXECUTED.resolve("notebooks")));
        executed.addAll(NotebookExecutionTest.glob(EXECUTED.resolve("solutions")));
        assertFalse(executed.isEmpty(), "no executed notebooks in " + EXECUTED + ": run NotebookExecutionTest first"
                + " (./course test runs both)");
        return executed.stream().map(nb -> DynamicTest.dynamicTest(EXECUTED.relativize(nb).toString(),
                () -> assertSilentSetup(nb)));
    }

    private static void assertSilentSetup(Path notebook) throws IOException {
        JsonObject json = new JsonParser().parse(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        int seen = 0;
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (!"code".equals(c.get("cell_type").getAsString()) || seen++ >= SETUP_CELLS) {
                continue;
            }
            JsonArray outputs = c.getAsJsonArray("outputs");
            assertEquals(0, outputs.size(), notebook.getFileName() + ": setup cell " + seen + " shows output: "
                    + outputs + "\n(the kernel should print nothing for imports and %jars)");
        }
    }
}
