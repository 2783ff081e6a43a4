package org.quantcourse.tablehtml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTableTest {

    /** A table given as rows of held values; printed as Java prints them. */
    private record Rows(String name, List<String> columnNames, List<List<Object>> rows) implements TableView {
        @Override
        public int rowCount() {
            return rows.size();
        }

        @Override
        public Object value(int row, int column) {
            return rows.get(row).get(column);
        }

        @Override
        public String printed(int row, int column) {
            return String.valueOf(rows.get(row).get(column));
        }
    }

    @Test
    void smallTableIsCaptionHeaderAndOneRowPerRecord() {
        String html = HtmlTable.of(new Rows("scores", List.of("bits", "accuracy"), List.of(List.of(8, 0.98765))));
        assertEquals("<table><caption>scores</caption><thead><tr><th>bits</th><th>accuracy</th></tr></thead>"
                + "<tbody><tr><td>8</td><td>0.9877</td></tr></tbody></table>", html);
    }

    @ParameterizedTest
    @CsvSource({"0.123456789, 0.1235", "8.0, 8", "0.0000123, 1.230e-05", "-2.5, -2.5000"})
    void fractionsGetFourDecimalsAndWholeNumbersNone(double value, String shown) {
        assertEquals(shown, HtmlTable.cell(value, "printed"));
    }

    @Test
    void nonFractionalCellsAreShownAsPrinted() {
        assertEquals("1234567890123", HtmlTable.cell(1234567890123L, "1234567890123"));
        assertEquals("", HtmlTable.cell(null, ""));
    }

    @Test
    void markupCharactersAreEscaped() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlTable.escape("<a href=\"x\">&'"));
    }

    @Test
    void longTablesShowHeadEllipsisAndTailAndSaySoInTheCaption() {
        List<Integer> rows = HtmlTable.shownRows(1000);
        assertEquals(HtmlTable.HEAD_ROWS + 1 + HtmlTable.TAIL_ROWS, rows.size());
        assertEquals(-1, rows.get(HtmlTable.HEAD_ROWS));
        assertEquals(999, rows.get(rows.size() - 1));
        List<List<Object>> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> List.<Object>of(i)).toList();
        assertTrue(HtmlTable.of(new Rows("", List.of("i"), many)).startsWith("<table><caption>(100 rows)</caption>"));
    }
}
