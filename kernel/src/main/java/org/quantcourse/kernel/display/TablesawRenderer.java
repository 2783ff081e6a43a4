package org.quantcourse.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.quantcourse.tablehtml.HtmlTable;
import org.quantcourse.tablehtml.TableView;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Renders Tablesaw tables as HTML with the course's one table renderer ({@link HtmlTable}, which the library's
 * {@code TableHtml} uses too), reading the table by reflection since the notebook loads Tablesaw.
 */
final class TablesawRenderer {

    private static final String TABLE = "tech.tablesaw.table.Relation";
    private static final String COLUMN = "tech.tablesaw.columns.Column";
    /** Renders Tablesaw tables (and views) as HTML. */
    static final LateBoundRenderer INSTANCE = new LateBoundRenderer(TABLE, List.of(MIMEType.TEXT_HTML),
            TablesawRenderer::render);

    private TablesawRenderer() {
    }

    private static void render(Object value, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> {
            try {
                return HtmlTable.of(ReflectedTable.of(value));
            } catch (ReflectiveOperationException e) {
                throw Reflection.failure(value, e);
            }
        });
    }

    /** A Tablesaw table read through its public API by reflection, its columns read once. */
    private record ReflectedTable(String name, List<String> columnNames, int rowCount, List<Object> columns,
                                  Method isMissing, Method get, Method getString) implements TableView {

        @SuppressWarnings("unchecked")
        static ReflectedTable of(Object table) throws ReflectiveOperationException {
            Class<?> type = TypeMatch.find(table, TABLE).orElseThrow();
            List<Object> columns = (List<Object>) type.getMethod("columns").invoke(table);
            Class<?> column = columns.isEmpty() ? null : TypeMatch.find(columns.get(0), COLUMN).orElseThrow();
            return new ReflectedTable((String) type.getMethod("name").invoke(table),
                    (List<String>) type.getMethod("columnNames").invoke(table),
                    (Integer) type.getMethod("rowCount").invoke(table), columns,
                    cellMethod(column, "isMissing"), cellMethod(column, "get"), cellMethod(column, "getString"));
        }

        private static Method cellMethod(Class<?> column, String name) throws NoSuchMethodException {
            return column == null ? null : column.getMethod(name, int.class);
        }

        @Override
        public Object value(int row, int column) {
            Object cells = columns.get(column);
            return (Boolean) call(isMissing, cells, row) ? null : call(get, cells, row);
        }

        @Override
        public String printed(int row, int column) {
            return (String) call(getString, columns.get(column), row);
        }

        private static Object call(Method method, Object column, int row) {
            try {
                return method.invoke(column, row);
            } catch (ReflectiveOperationException e) {
                throw Reflection.failure(column, e);
            }
        }
    }
}
