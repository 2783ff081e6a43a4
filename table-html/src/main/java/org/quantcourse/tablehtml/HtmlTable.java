package org.quantcourse.tablehtml;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The one HTML rendering of a table in the course: escaped text, fractions with four decimals (scientific notation
 * below 10⁻³), whole numbers plain, and tables longer than {@value #MAX_ROWS} rows shown as their first
 * {@value #HEAD_ROWS} and last {@value #TAIL_ROWS} rows around an ellipsis row.
 */
public final class HtmlTable {

    /** Tables with more rows than this show only their head and tail. */
    public static final int MAX_ROWS = 60;
    /** Rows shown before the ellipsis of a long table. */
    public static final int HEAD_ROWS = 50;
    /** Rows shown after the ellipsis of a long table. */
    public static final int TAIL_ROWS = 10;
    private static final int ELLIPSIS = -1;

    private HtmlTable() {
    }

    /** The table as an HTML {@code <table>}. */
    public static String of(TableView table) {
        StringBuilder html = new StringBuilder("<table>").append(caption(table)).append("<thead><tr>");
        table.columnNames().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int row : shownRows(table.rowCount())) {
            html.append(row == ELLIPSIS ? ellipsisRow(table.columnNames().size()) : dataRow(table, row));
        }
        return html.append("</tbody></table>").toString();
    }

    /** The indexes of the rows shown, {@code -1} marking the elided middle of a long table. */
    public static List<Integer> shownRows(int rows) {
        if (rows <= MAX_ROWS) {
            return IntStream.range(0, rows).boxed().toList();
        }
        return IntStream.concat(IntStream.range(0, HEAD_ROWS), IntStream.concat(IntStream.of(ELLIPSIS),
                IntStream.range(rows - TAIL_ROWS, rows))).boxed().toList();
    }

    /** A cell as text: fractions with four decimals (or scientific when tiny), whole numbers plain, the rest as printed. */
    public static String cell(Object value, String printed) {
        if (!(value instanceof Double || value instanceof Float)) {
            return printed;
        }
        double x = ((Number) value).doubleValue();
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Math.abs(x) < 1e-3 ? String.format(Locale.ROOT, "%.3e", x) : String.format(Locale.ROOT, "%.4f", x);
    }

    /** Escapes the characters HTML gives meaning to, for element text and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String caption(TableView table) {
        String name = table.name() == null ? "" : table.name().strip();
        String size = table.rowCount() > MAX_ROWS ? (name.isEmpty() ? "" : " ") + "(" + table.rowCount() + " rows)" : "";
        return name.isEmpty() && size.isEmpty() ? "" : "<caption>" + escape(name) + size + "</caption>";
    }

    private static String dataRow(TableView table, int row) {
        StringBuilder tr = new StringBuilder("<tr>");
        for (int column = 0; column < table.columnNames().size(); column++) {
            tr.append("<td>").append(escape(cell(table.value(row, column), table.printed(row, column)))).append("</td>");
        }
        return tr.append("</tr>").toString();
    }

    private static String ellipsisRow(int columns) {
        return "<tr>" + "<td>\u2026</td>".repeat(columns) + "</tr>";
    }
}
