package org.quantcourse.plot;

import java.util.List;
import org.quantcourse.tablehtml.HtmlTable;
import org.quantcourse.tablehtml.TableView;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table, for {@code display(TableHtml.of(t), "text/html")} in any Java kernel (upstream
 * IJava 1.4 too); the course's kernel shows a cell ending with a table identically, through the same {@link HtmlTable}.
 */
public final class TableHtml {

    private TableHtml() {
    }

    /** The table as escaped HTML: caption, header, fractions with four decimals, long tables elided in the middle. */
    public static String of(Table table) {
        return HtmlTable.of(new TablesawView(table));
    }

    /** A Tablesaw table as the shared renderer reads it. */
    private record TablesawView(Table table) implements TableView {

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
            Column<?> cells = table.column(column);
            return cells.isMissing(row) ? null : cells.get(row);
        }

        @Override
        public String printed(int row, int column) {
            return table.column(column).getString(row);
        }
    }
}
