package org.quantcourse.plot;

import tech.tablesaw.api.Table;

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
                html.append("<td>").append(escape(table.getString(row, col))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** Escapes the characters that HTML gives meaning to. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
