package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook and solution starts the same way, in this kernel and in upstream IJava 1.4: a first cell
 * {@code %jars ../lib/target/lib/*.jar}, a second cell of a few package imports ({@code import p.*;}, course
 * packages first) ending with {@code long SEED = CourseSettings.seed();}, and no cell names a class by its fully
 * qualified name inline (import it instead). Reads the notebooks only; nothing is executed.
 */
class NotebookSetupTest {

    /**
     * At most this many package imports in the setup cell (then the seed line): the packages a notebook uses
     * throughout; a class that one cell needs is imported in that cell.
     */
    private static final int MAX_SETUP_IMPORTS = 10;
    private static final String JARS = "%jars ../lib/target/lib/*.jar";
    private static final String SEED = "long SEED = CourseSettings.seed();";
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("import ((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.\\*;");
    private static final Pattern INLINE_QUALIFIED_NAME =
            Pattern.compile("\\b(?:java|javax|org|tech)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    @TestFactory
    Stream<DynamicTest> everyNotebookStartsWithTheSameShortSetup() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkSetup(nb)));
    }

    @TestFactory
    Stream<DynamicTest> noCellUsesAnInlineFullyQualifiedName() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkNoInlineNames(nb)));
    }

    private static void checkSetup(Path notebook) throws IOException {
        List<String> cells = codeCells(notebook);
        assertTrue(cells.size() >= 2, name(notebook) + " has fewer than two code cells");
        assertEquals(JARS, cells.get(0).strip(), name(notebook) + ": the first code cell");
        List<String> lines = cells.get(1).strip().lines().toList();
        assertEquals(SEED, lines.get(lines.size() - 1), name(notebook) + ": the setup cell ends with the seed");
        List<String> imports = lines.subList(0, lines.size() - 1);
        assertFalse(imports.isEmpty(), name(notebook) + ": the setup cell imports the course packages");
        assertTrue(imports.size() <= MAX_SETUP_IMPORTS, name(notebook) + ": " + imports.size() + " setup imports");
        List<String> packages = new ArrayList<>();
        for (String line : imports) {
            Matcher m = WILDCARD_IMPORT.matcher(line);
            assertTrue(m.matches(), name(notebook) + ": a setup line that is not 'import some.package.*;': " + line);
            packages.add(m.group(1));
        }
        List<String> ordered = packages.stream().sorted((a, b) -> rank(a) != rank(b)
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b)).toList();
        assertEquals(ordered, packages, name(notebook) + ": course packages first, then others, each alphabetically");
        assertTrue(packages.contains("org.quantcourse.course"), name(notebook) + " imports org.quantcourse.course.*");
    }

    private static void checkNoInlineNames(Path notebook) throws IOException {
        List<String> found = new ArrayList<>();
        for (String cell : codeCells(notebook)) {
            cell.lines().filter(line -> !line.strip().startsWith("import ") && !line.strip().startsWith("%"))
                    .forEach(line -> INLINE_QUALIFIED_NAME.matcher(line).results().forEach(r -> found.add(r.group())));
        }
        assertEquals(List.of(), found, name(notebook) + ": import these classes instead of naming them inline");
    }

    private static int rank(String pkg) {
        return pkg.startsWith("org.quantcourse.") ? 0 : pkg.startsWith("java") ? 2 : 1;
    }

    private static List<String> codeCells(Path notebook) throws IOException {
        JsonObject json = new JsonParser().parse(Files.readString(notebook)).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        for (JsonElement cell : json.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if ("code".equals(c.get("cell_type").getAsString())) {
                StringBuilder source = new StringBuilder();
                JsonElement s = c.get("source");
                if (s.isJsonArray()) {
                    s.getAsJsonArray().forEach(part -> source.append(part.getAsString()));
                } else {
                    source.append(s.getAsString());
                }
                cells.add(source.toString());
            }
        }
        return cells;
    }

    private static List<Path> notebooks() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : new String[] {"notebooks", "solutions"}) {
            try (Stream<Path> files = Files.list(CourseKernel.ROOT.resolve(dir))) {
                files.filter(f -> f.getFileName().toString().matches("\\d\\d_.*\\.ipynb")).sorted().forEach(all::add);
            }
        }
        assertFalse(all.isEmpty(), "no notebooks under " + CourseKernel.ROOT);
        return all;
    }

    private static String name(Path notebook) {
        return CourseKernel.ROOT.relativize(notebook).toString();
    }
}
