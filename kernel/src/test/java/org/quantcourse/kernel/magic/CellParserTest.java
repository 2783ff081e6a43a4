package org.quantcourse.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellParserTest {

    @Test
    void lineMagicsSplitJavaCodeInOrderKeepingLineNumbers() {
        List<CellParser.Segment> segments = CellParser.parse("int a = 1;\n%jars lib/*.jar \"my dir/x.jar\"\nint b = 2;");
        assertEquals(new CellParser.JavaCode("int a = 1;\n", 0), segments.get(0));
        assertEquals(new CellParser.LineMagic("jars", List.of("lib/*.jar", "my dir/x.jar"), 1), segments.get(1));
        assertEquals(new CellParser.JavaCode("int b = 2;\n", 2), segments.get(2));
    }

    @Test
    void cellMagicTakesTheRestOfTheCellAsBody() {
        List<CellParser.Segment> segments = CellParser.parse("%%loadFromPOM compile\n<dependency/>\n");
        assertEquals(List.of(new CellParser.CellMagic("loadFromPOM", List.of("compile"), "<dependency/>\n")), segments);
    }

    @Test
    void magicAfterAssignmentBecomesALineMagicCall() {
        CellParser.Segment segment = CellParser.parse("List<String> added = %jars lib/*.jar").get(0);
        String code = assertInstanceOf(CellParser.JavaCode.class, segment).code();
        assertTrue(code.startsWith("List<String> added = org.quantcourse.kernel.runtime.Notebook.lineMagic("), code);
    }

    @Test
    void percentInsideABlockCommentOrModuloIsNotAMagic() {
        assertEquals(1, CellParser.parse("/*\n%jars x\n*/ int c = 3;").size());
        assertEquals(1, CellParser.parse("int m = 7\n  % 4;").size());
    }

    @Test
    void argumentsHonourQuotesAndEscapes() {
        assertEquals(List.of("a b", "c\"d", "e"), CellParser.splitArgs(" \"a b\"  c\\\"d e "));
    }
}
