package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the compiler did is said: code it could not generate, and what a redefinition replaced or invalidated. */
class CompilerReportsTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[5]", 1);
    private static final int METHOD_LINES = 10_000;
    private static JavaEvaluator evaluator;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeAll
    static void startSession() throws Exception {
        evaluator = JavaEvaluator.start(EvaluatorConfig.defaults());
    }

    @AfterAll
    static void stopSession() {
        evaluator.close();
    }

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMethodOverTheBytecodeLimitIsACompileError() {
        StringBuilder method = new StringBuilder("long huge() {\n  long x = 0;\n");
        for (int i = 0; i < METHOD_LINES; i++) {
            method.append("  x += ").append(i).append(" * x + 7;\n");
        }
        method.append("  return x;\n}");
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.eval(method.toString(), CELL));
        assertEquals("CompilationException", failure.ename());
        assertTrue(failure.evalue().contains("code too large"), failure.evalue());
        assertThrows(CellFailure.class, () -> evaluator.eval("huge()", CELL));
    }

    @Test
    void replacingARecordSaysWhichVariablesAndMethodsItInvalidated() throws Exception {
        evaluator.eval("record Pair(int a) {}\nPair pair = new Pair(1);\nint first(Pair p) { return p.a(); }", CELL);
        evaluator.eval("record Pair(int a, int b) {}", CELL);
        String report = stderr();
        assertTrue(report.contains("replaced record Pair"), report);
        assertTrue(report.contains("update replaced variable pair, which cannot be used"), report);
        assertTrue(report.contains("update modified method first(Pair)"), report);
    }

    @Test
    void changingAnInterfaceSignatureNamesTheLambdaVariableItDropped() throws Exception {
        evaluator.eval("interface Area { double of(); }\nArea unit = () -> 1.0;", CELL);
        evaluator.eval("interface Area { double of(int k); }", CELL);
        String report = stderr();
        assertTrue(report.contains("replaced interface Area"), report);
        assertTrue(report.contains("update replaced variable unit, which cannot be used"), report);
    }

    @Test
    void anImportAfterWhichJShellRecompilesTheNotebookFunctionsReportsNothing() throws Exception {
        evaluator.eval("void greet() { System.out.print(\"\"); }", CELL);
        evaluator.eval("import java.util.stream.*;", CELL);
        evaluator.eval("import java.time.*;\nlong seed = 42;", CELL);
        assertEquals("", stderr());
    }

    @Test
    void reRunningAnUnchangedDeclarationReportsNothing() throws Exception {
        evaluator.eval("record Same(int a) {}\nSame same = new Same(2);", CELL);
        evaluator.eval("record Same(int a) {}", CELL);
        assertEquals("", stderr());
        assertEquals(2, evaluator.eval("same.a()", CELL).orElseThrow());
    }
}
