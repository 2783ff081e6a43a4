package org.quantcourse.plot;

import java.util.Locale;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as an HTML table, for {@code display(TableHtml.of(t), "text/html")} in any Java kernel. Used in notebooks 02–06. */
public final class TableHtml {

    private TableHtml() {
    }

    /** The whole table as escaped HTML with a caption naming it. */
    public static String of(Table table) {
        StringBuilder html = new StringBuilder("<table>");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        table.columnNames().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int row = 0; row < table.rowCount(); row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                html.append("<td>").append(escape(cell(table.column(col), row))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** A cell as text: numbers with four decimals (or scientific notation when tiny), everything else as Tablesaw prints it. */
    static String cell(Column<?> column, int row) {
        if (column.isMissing(row) || !(column instanceof NumberColumn<?, ?> numbers) || column instanceof IntColumn
                || column instanceof LongColumn) {
            return column.getString(row);
        }
        double value = numbers.getDouble(row);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Math.abs(value) < 1e-3 ? String.format(Locale.ROOT, "%.3e", value) : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Escapes the characters that HTML gives meaning to. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
