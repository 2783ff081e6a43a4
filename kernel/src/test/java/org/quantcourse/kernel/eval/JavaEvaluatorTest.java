package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quantcourse.kernel.runtime.MimeBundle;
import org.quantcourse.kernel.runtime.Notebook;
import org.quantcourse.kernel.runtime.NotebookRuntime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaEvaluatorTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[7]", 1);
    private static final List<String> DISPLAYED = new ArrayList<>();
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void startSession() throws Exception {
        Notebook.install(new RecordingRuntime());
        evaluator = JavaEvaluator.start(EvaluatorConfig.defaults());
    }

    @AfterAll
    static void stopSession() {
        evaluator.close();
    }

    @Test
    void lastExpressionValueIsTheObjectItself() throws Exception {
        Optional<Object> value = evaluator.eval("var xs = new ArrayList<Integer>();\nxs.add(4);\nxs", CELL);
        assertEquals(List.of(4), value.orElseThrow());
    }

    @Test
    void trailingSemicolonHidesTheValue() throws Exception {
        assertTrue(evaluator.eval("Math.abs(-3);", CELL).isEmpty());
        assertEquals(3, evaluator.eval("Math.abs(-3)", CELL).orElseThrow());
    }

    @Test
    void declarationsHaveNoValue() throws Exception {
        assertTrue(evaluator.eval("int declared = 5;", CELL).isEmpty());
        assertEquals(10, evaluator.eval("declared * 2", CELL).orElseThrow());
    }

    @Test
    void compileErrorShowsCellLineSourceAndCaret() {
        CellFailure failure = assertThrows(CellFailure.class,
                () -> evaluator.eval("int ok = 1;\nint bad = \"text\";", CELL));
        assertEquals("CompilationException", failure.ename());
        assertEquals("In[7] line 2: error: incompatible types: java.lang.String cannot be converted to int",
                failure.traceback().get(0));
        assertEquals("    int bad = \"text\";", failure.traceback().get(1));
        assertEquals("              ^^^^^^", failure.traceback().get(2));
    }

    @Test
    void runtimeErrorListsTheUsersFramesFirstWithCellLines() {
        CellFailure failure = assertThrows(CellFailure.class,
                () -> evaluator.eval("int parse(String s) {\n  return Integer.parseInt(s);\n}\nparse(\"x\")", CELL));
        assertEquals("NumberFormatException", failure.ename());
        List<String> lines = failure.traceback();
        assertEquals("java.lang.NumberFormatException: For input string: \"x\"", lines.get(0));
        assertEquals("    at parse (In[7] line 2)", lines.get(1));
        assertEquals("    at (In[7] line 4)", lines.get(2));
        assertEquals("  thrown from:", lines.get(3));
        assertFalse(lines.stream().anyMatch(l -> l.contains("org.quantcourse.kernel")), String.join("\n", lines));
    }

    @Test
    void notebookFunctionsSurviveAnAwtWildcardImport() throws Exception {
        evaluator.eval("import java.awt.*;", CELL);
        evaluator.eval("display(\"after awt import\");", CELL);
        assertTrue(DISPLAYED.contains("after awt import"));
    }

    @Test
    void interruptStopsABusyLoopAndKeepsVariables() throws Exception {
        evaluator.eval("int survivor = 7;", CELL);
        Thread interrupter = new Thread(() -> {
            sleep(Duration.ofMillis(500));
            evaluator.runner().interrupt();
        });
        interrupter.start();
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.eval("while (true) { }", CELL));
        assertEquals("InterruptedException", failure.ename());
        evaluator.runner().resetInterrupt();
        assertEquals(7, evaluator.eval("survivor", CELL).orElseThrow());
    }

    @Test
    void timeoutStopsALongStatement() throws Exception {
        evaluator.setTimeout(Duration.ofMillis(300));
        try {
            CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.eval("Thread.sleep(60_000);", CELL));
            assertEquals("EvaluationTimeoutException", failure.ename());
        } finally {
            evaluator.setTimeout(Duration.ZERO);
        }
        assertEquals(2, evaluator.eval("1 + 1", CELL).orElseThrow());
    }

    @Test
    void completionOffersMethodsOfAClass() {
        JavaEvaluator.Completion completion = evaluator.complete("Math.flo", 8);
        assertEquals(List.of("floor(", "floorDiv(", "floorMod("), completion.matches().stream().sorted().toList());
        assertEquals(5, completion.start());
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertEquals(JavaEvaluator.COMPLETE, evaluator.isComplete("int a = 1;"));
        assertEquals(JavaEvaluator.INCOMPLETE, evaluator.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(JavaEvaluator.INVALID, evaluator.isComplete("}"));
    }

    @Test
    void inspectionShowsSignatures() {
        String doc = evaluator.inspect("Math.max", 8, false).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)") || doc.contains("max(int"), doc);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what notebook code displays. */
    private static final class RecordingRuntime implements NotebookRuntime {
        @Override
        public MimeBundle render(Object value, List<String> mimeTypes) {
            return MimeBundle.ofText(String.valueOf(value));
        }

        @Override
        public void display(MimeBundle bundle, String displayId) {
            DISPLAYED.add(bundle.text());
        }

        @Override
        public void updateDisplay(MimeBundle bundle, String displayId) {
            DISPLAYED.add(bundle.text());
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Object lineMagic(String name, List<String> args) {
            return null;
        }

        @Override
        public Object cellMagic(String name, List<String> args, String body) {
            return null;
        }
    }
}
