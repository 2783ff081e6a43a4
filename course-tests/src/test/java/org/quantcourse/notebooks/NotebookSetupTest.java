package org.quantcourse.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook and solution starts the same way, in this kernel and in upstream IJava 1.4: a first cell
 * {@code %jars ../lib/target/lib/*.jar}, a second cell of a few package imports ({@code import p.*;}, course
 * packages first) ending with {@code long SEED = CourseSettings.seed();}, and no cell names a class by its fully
 * qualified name inline (import it instead). The setup cell imports only the packages the notebook uses: each
 * one names a class some cell uses. Reads the notebooks only; nothing is executed.
 */
class NotebookSetupTest {

    /**
     * At most this many package imports in the setup cell (then the seed line): the packages a notebook uses
     * throughout; a class that one cell needs is imported in that cell.
     */
    private static final int MAX_SETUP_IMPORTS = 10;
    private static final String JARS = "%jars ../lib/target/lib/*.jar";
    private static final String SEED = "long SEED = CourseSettings.seed();";
    private static final List<String> OPENING = List.of("Learning goals", "Prerequisites", "Expected time");
    private static final String EXERCISES_IMPORT = "import org.quantcourse.exercises.*;";
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("import ((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.\\*;");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z]\\w*");
    private static final Pattern INLINE_QUALIFIED_NAME =
            Pattern.compile("\\b(?:java|javax|org|tech)(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*");

    @TestFactory
    Stream<DynamicTest> everyNotebookStartsWithTheSameShortSetup() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkSetup(nb)));
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookOpensWithItsGoalsPrerequisitesAndTime() throws IOException {
        return notebooks().stream().filter(nb -> !isSolutions(nb))
                .map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkOpening(nb)));
    }

    private static void checkOpening(Path notebook) throws IOException {
        JsonArray cells = new JsonParser().parse(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells");
        StringBuilder opening = new StringBuilder();
        for (int i = 0; i < cells.size() && !"code".equals(cells.get(i).getAsJsonObject().get("cell_type").getAsString()); i++) {
            opening.append(source(cells.get(i).getAsJsonObject())).append('\n');
        }
        for (String part : OPENING) {
            assertTrue(opening.toString().contains(part), name(notebook) + ": the markdown before the first code cell must"
                    + " give the notebook's " + part + " (the course's opening: goals, prerequisites, expected time)");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCellHasAnId() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(name(nb), () -> {
            JsonArray cells = new JsonParser().parse(Files.readString(nb)).getAsJsonObject().getAsJsonArray("cells");
            for (int i = 0; i < cells.size(); i++) {
                assertTrue(cells.get(i).getAsJsonObject().has("id"), name(nb) + ": cell " + i + " has no id (nbformat 4.5"
                        + " requires one; open and save the notebook in Jupyter, or give it a unique short id)");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> noCellUsesAnInlineFullyQualifiedName() throws IOException {
        return notebooks().stream().map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkNoInlineNames(nb)));
    }

    @TestFactory
    Stream<DynamicTest> everySetupImportNamesAPackageTheNotebookUses() throws IOException {
        return notebooks().stream().filter(nb -> !isSolutions(nb))
                .map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkImportsUsed(nb)));
    }

    /**
     * A solutions notebook answers only the exercises: its setup imports are its notebook's, or some of them, and the
     * exercises package (which a notebook imports in its Exercises section).
     */
    @TestFactory
    Stream<DynamicTest> everySolutionsNotebookImportsOnlyWhatItsNotebookImports() throws IOException {
        return notebooks().stream().filter(NotebookSetupTest::isSolutions)
                .map(nb -> DynamicTest.dynamicTest(name(nb), () -> checkSetupWithinItsNotebooks(nb)));
    }

    private static boolean isSolutions(Path notebook) {
        return notebook.getParent().getFileName().toString().equals("solutions");
    }

    private static void checkSetupWithinItsNotebooks(Path solutions) throws IOException {
        String notebookName = solutions.getFileName().toString().replace("_solutions.ipynb", ".ipynb");
        Path notebook = CourseKernel.ROOT.resolve("notebooks").resolve(notebookName);
        assertTrue(Files.isRegularFile(notebook), name(solutions) + ": no notebook " + notebookName + " beside it");
        List<String> allowed = new ArrayList<>(codeCells(notebook).get(1).strip().lines().toList());
        allowed.add(EXERCISES_IMPORT);
        for (String line : codeCells(solutions).get(1).strip().lines().toList()) {
            assertTrue(allowed.contains(line), name(solutions) + ": the setup line '" + line + "' is not in the setup of "
                    + notebookName + ": a solutions notebook imports its notebook's packages (or fewer) and the exercises package");
        }
    }

    private static void checkImportsUsed(Path notebook) throws IOException {
        List<String> cells = codeCells(notebook);
        Set<String> used = new HashSet<>();
        cells.subList(2, cells.size()).forEach(cell -> cell.lines().filter(line -> !line.strip().startsWith("import "))
                .forEach(line -> TYPE_NAME.matcher(line).results().forEach(r -> used.add(r.group()))));
        for (String line : cells.get(1).strip().lines().toList()) {
            Matcher m = WILDCARD_IMPORT.matcher(line);
            if (m.matches()) {
                Set<String> classes = classesOf(m.group(1));
                assertFalse(classes.isEmpty(), name(notebook) + ": no classes found in package " + m.group(1));
                assertFalse(Collections.disjoint(classes, used), name(notebook) + ": the setup cell imports "
                        + m.group(1) + ".* but no cell uses a class of it: remove the line, or import the class in"
                        + " the one cell that needs it");
            }
        }
    }

    /** The top-level classes of a package of the JDK or on the test class path (lib and its dependencies). */
    private static Set<String> classesOf(String pkg) throws IOException {
        String dir = pkg.replace('.', '/');
        List<String> entries = new ArrayList<>(jdkEntriesUnder(pkg, dir));
        for (URL url : Collections.list(NotebookSetupTest.class.getClassLoader().getResources(dir))) {
            entries.addAll(entriesUnder(url, dir));
        }
        Set<String> classes = new HashSet<>();
        for (String entry : entries) {
            if (entry.endsWith(".class") && !entry.contains("$") && !entry.equals("package-info.class")) {
                classes.add(entry.substring(0, entry.length() - ".class".length()));
            }
        }
        return classes;
    }

    /** File names directly inside a JDK package, from the run-time image (jrt:/packages/p/module → jrt:/modules/module/p). */
    private static List<String> jdkEntriesUnder(String pkg, String dir) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path modules = jrt.getPath("/packages", pkg);
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        try (Stream<Path> links = Files.list(modules)) {
            for (Path module : links.toList()) {
                try (Stream<Path> files = Files.list(jrt.getPath("/modules", module.getFileName().toString(), dir))) {
                    files.forEach(f -> entries.add(f.getFileName().toString()));
                }
            }
        }
        return entries;
    }

    /** File names directly inside a class-path directory, in a jar or on disk. */
    private static List<String> entriesUnder(URL url, String dir) throws IOException {
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(dir + "/"))
                        .map(n -> n.substring(dir.length() + 1)).filter(n -> !n.contains("/")).toList();
            }
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot list " + url, e));
        }
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
                cells.add(source(c));
            }
        }
        return cells;
    }

    /** A cell's source, whether stored as one string or as a list of lines. */
    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (!source.isJsonArray()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        source.getAsJsonArray().forEach(part -> text.append(part.getAsString()));
        return text.toString();
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
