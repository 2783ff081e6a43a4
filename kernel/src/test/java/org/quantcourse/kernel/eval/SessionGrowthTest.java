package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a long session keeps: the classes of finished statements and replaced declarations are forgotten. */
class SessionGrowthTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[1]", 1);
    private static final int CELLS = 40;
    /** Classes a handful of snippets may leave behind (the last declarations, their nested classes). */
    private static final int SLACK = 5;
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void startSession() throws Exception {
        evaluator = JavaEvaluator.start(EvaluatorConfig.defaults());
    }

    @AfterAll
    static void stopSession() {
        evaluator.close();
    }

    @Test
    void finishedStatementsLeaveNoCompiledClassBehind() throws Exception {
        int before = evaluator.compiledClassCount();
        for (int i = 0; i < CELLS; i++) {
            evaluator.eval("System.out.print(\"\");\nMath.max(" + i + ", 2);", CELL);
        }
        assertTrue(evaluator.compiledClassCount() <= before + SLACK,
                before + " classes before, " + evaluator.compiledClassCount() + " after " + CELLS + " cells");
    }

    @Test
    void redefinedDeclarationsKeepOnlyTheirLatestClasses() throws Exception {
        evaluator.eval("record Point(int x, int y) {}\nint counter = 0;", CELL);
        int before = evaluator.compiledClassCount();
        for (int i = 0; i < CELLS; i++) {
            evaluator.eval("record Point(int x, int y) { int sum() { return x + y + " + i + "; } }\nint counter = "
                    + i + ";", CELL);
        }
        assertTrue(evaluator.compiledClassCount() <= before + SLACK,
                before + " classes before, " + evaluator.compiledClassCount() + " after " + CELLS + " cells");
        assertEquals(3 + CELLS - 1, evaluator.eval("new Point(1, 2).sum()", CELL).orElseThrow());
    }

    @Test
    void aThousandLineCellOfDeclarationsRuns() throws Exception {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            cell.append("int line").append(i).append(" = ").append(i).append(";\n");
        }
        evaluator.eval(cell.toString(), CELL);
        assertEquals(999 + 500, evaluator.eval("line999 + line500", CELL).orElseThrow());
    }
}
