package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.lang.reflect.Method;
import java.util.List;

/** Renders Tablesaw tables as an escaped HTML table (long tables elided in the middle) plus their text print-out. */
final class TablesawRenderer implements LateBoundRenderer {

    /** Tables with more rows than this show only their head and tail. */
    public static final int MAX_ROWS = 50;
    private static final int HEAD_ROWS = 40;
    private static final String TABLE = "tech.tablesaw.table.Relation";

    @Override
    public String typeName() {
        return TABLE;
    }

    @Override
    public List<MIMEType> mimeTypes() {
        return List.of(MIMEType.TEXT_HTML);
    }

    @Override
    public void render(Object value, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> {
            try {
                return html(value);
            } catch (ReflectiveOperationException e) {
                throw Reflection.failure(value, e);
            }
        });
    }

    private static String html(Object value) throws ReflectiveOperationException {
        Class<?> type = TypeMatch.find(value, TABLE).orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) type.getMethod("columnNames").invoke(value);
        int rows = (Integer) type.getMethod("rowCount").invoke(value);
        String name = (String) type.getMethod("name").invoke(value);
        Method cell = type.getMethod("getString", int.class, int.class);
        StringBuilder html = new StringBuilder("<table class=\"tablesaw\">\n<caption>")
                .append(escape(name == null ? "" : name)).append(" (").append(rows).append(" rows \u00d7 ")
                .append(columns.size()).append(" columns)</caption>\n<thead><tr>");
        columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (int row : shownRows(rows)) {
            html.append(row < 0 ? ellipsisRow(columns.size()) : dataRow(value, cell, row, columns.size()));
        }
        return html.append("</tbody>\n</table>").toString();
    }

    /** Row indexes to show; -1 marks the elided middle. */
    static int[] shownRows(int rows) {
        if (rows <= MAX_ROWS) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        int tail = MAX_ROWS - HEAD_ROWS;
        return java.util.stream.IntStream.concat(
                java.util.stream.IntStream.range(0, HEAD_ROWS),
                java.util.stream.IntStream.concat(java.util.stream.IntStream.of(-1),
                        java.util.stream.IntStream.range(rows - tail, rows))).toArray();
    }

    private static String dataRow(Object table, Method cell, int row, int columns) throws ReflectiveOperationException {
        StringBuilder tr = new StringBuilder("<tr>");
        for (int c = 0; c < columns; c++) {
            tr.append("<td>").append(escape(String.valueOf(cell.invoke(table, row, c)))).append("</td>");
        }
        return tr.append("</tr>\n").toString();
    }

    private static String ellipsisRow(int columns) {
        return "<tr>" + "<td>\u2026</td>".repeat(columns) + "</tr>\n";
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
