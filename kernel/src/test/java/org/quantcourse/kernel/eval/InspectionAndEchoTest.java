package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shift-Tab shows the Javadoc summary from a sources jar, also with the cursor inside a word; the echo audit log. */
class InspectionAndEchoTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[9]", 1);
    private static final String SOURCE = """
            package greet;
            /** Friendly greetings. */
            public final class Greeter {
                /** Says hello to someone by name. Longer explanation that only the detail view shows. */
                public static String hello(String name) { return "hello " + name; }
            }
            """;
    @TempDir
    static Path dir;
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void sessionWithALibraryAndItsSourcesJar() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/greet")).resolve("Greeter.java");
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        jar(dir.resolve("greet.jar"), "greet/Greeter.class", Files.readAllBytes(classes.resolve("greet/Greeter.class")));
        jar(dir.resolve("greet-sources.jar"), "greet/Greeter.java", SOURCE.getBytes(StandardCharsets.UTF_8));
        evaluator = JavaEvaluator.start(EvaluatorConfig.defaults());
        evaluator.addToClasspath(List.of(dir.resolve("greet.jar").toString()));
    }

    @AfterAll
    static void stopSession() {
        evaluator.close();
    }

    private static void jar(Path file, String entry, byte[] content) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(content);
            jar.closeEntry();
        }
    }

    @Test
    void inspectionShowsTheJavadocSummaryWithTheCursorInsideTheWord() {
        String code = "greet.Greeter.hello(\"x\")";
        String doc = evaluator.inspect(code, code.indexOf("hello") + 2, false).orElseThrow();
        assertTrue(doc.contains("hello(String name)"), doc);
        assertTrue(doc.contains("Says hello to someone by name."), doc);
        assertTrue(!doc.contains("Longer explanation"), doc);
    }

    @Test
    void detailedInspectionShowsTheWholeJavadoc() {
        String code = "greet.Greeter.hello";
        String doc = evaluator.inspect(code, code.length(), true).orElseThrow();
        assertTrue(doc.contains("Longer explanation that only the detail view shows."), doc);
    }

    @Test
    void echoAuditRecordsAHiddenValueAsOneJsonLine() throws Exception {
        Path log = dir.resolve("echo.jsonl");
        EchoAudit.to(log).hiddenValue(CELL, "display(\"a\\\"b\");\n", "id-1");
        assertEquals(List.of("{\"cell\": \"In[9]\", \"snippet\": \"display(\\\"a\\\\\\\"b\\\");\", \"type\": \"java.lang.String\"}"),
                Files.readAllLines(log));
    }
}
