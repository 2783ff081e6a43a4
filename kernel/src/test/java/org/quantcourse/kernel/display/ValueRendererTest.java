package org.quantcourse.kernel.display;

import org.junit.jupiter.api.Test;
import org.quantcourse.kernel.runtime.MimeBundle;
import org.quantcourse.tablehtml.HtmlTable;
import org.quantcourse.tablehtml.TableView;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueRendererTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};
    private final ValueRenderer renderer = ValueRenderer.standalone();

    @Test
    void imagesBecomeBase64PngWithText() throws Exception {
        MimeBundle bundle = renderer.render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] png = Base64.getDecoder().decode((String) bundle.data().get("image/png"));
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(png, 4));
        assertEquals("BufferedImage 3x2", bundle.text());
    }

    @Test
    void stringRequestedAsHtmlIsPassedThroughWithPlainText() throws Exception {
        MimeBundle bundle = renderer.render("<b>x</b>", List.of("text/html"));
        assertEquals(Set.of("text/html", "text/plain"), bundle.data().keySet());
        assertEquals("<b>x</b>", bundle.data().get("text/html"));
    }

    @Test
    void everyValueHasPlainText() throws Exception {
        assertEquals("[1, 2, 3]", renderer.render(new int[]{1, 2, 3}).text());
        assertEquals("[[a], [b]]", renderer.render(new String[][]{{"a"}, {"b"}}).text());
        assertEquals("42", renderer.render(42).text());
    }

    @Test
    void bundlesAreShownAsTheyAre() throws Exception {
        MimeBundle bundle = MimeBundle.ofText("t").with("text/markdown", "*t*");
        assertSame(bundle, renderer.render(bundle));
    }

    @Test
    void requestingOnlyPlainTextDropsRichForms() throws Exception {
        MimeBundle bundle = renderer.render(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), List.of("text/plain"));
        assertEquals(Set.of("text/plain"), bundle.data().keySet());
    }

    @Test
    void aTablesawTableValueIsTheSameHtmlAsTheSharedTableRenderer() {
        Table table = Table.create("scores <8 bit>", IntColumn.create("bits", 8, 4, 2),
                DoubleColumn.create("accuracy", 0.98765, Double.NaN, 0.0000123), StringColumn.create("scheme", "a&b", "", "c"));
        MimeBundle bundle = renderer.render(table);
        assertEquals(HtmlTable.of(new TypedView(table)), bundle.data().get("text/html"));
        assertTrue(((String) bundle.data().get("text/html")).contains("<td>0.9877</td><td>a&amp;b</td>"));
        assertEquals(table.toString(), bundle.text());
    }

    @Test
    void jsonTextRequestedAsJsonIsParsed() {
        MimeBundle bundle = renderer.render("{\"a\": 1}", List.of("application/json"));
        assertEquals(com.google.gson.JsonParser.parseString("{\"a\": 1}"), bundle.data().get("application/json"));
    }

    /** The table read with Tablesaw's typed API, as the library's TableHtml reads it. */
    private record TypedView(Table table) implements TableView {
        @Override
        public String name() {
            return table.name();
        }

        @Override
        public List<String> columnNames() {
            return table.columnNames();
        }

        @Override
        public int rowCount() {
            return table.rowCount();
        }

        @Override
        public Object value(int row, int column) {
            return table.column(column).isMissing(row) ? null : table.column(column).get(row);
        }

        @Override
        public String printed(int row, int column) {
            return table.column(column).getString(row);
        }
    }
}
