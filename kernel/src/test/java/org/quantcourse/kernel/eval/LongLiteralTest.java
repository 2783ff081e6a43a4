package org.quantcourse.kernel.eval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A string literal over the class file's constant limit gets the compiler's own error, not a silent ok. */
class LongLiteralTest {

    private static final SnippetOrigin CELL = new SnippetOrigin("In[6]", 1);
    private static final int LITERAL_BYTES = 20 * 1024 * 1024;
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
    void aStringLiteralOverTheConstantLimitIsACompileError() throws Exception {
        String cell = "String text = \"" + "a".repeat(LITERAL_BYTES) + "\";";
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.eval(cell, CELL));
        assertEquals("CompilationException", failure.ename());
        assertTrue(failure.evalue().contains("too long"), failure.evalue());
    }

}
