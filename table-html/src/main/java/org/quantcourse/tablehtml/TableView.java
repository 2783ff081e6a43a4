package org.quantcourse.tablehtml;

import java.util.List;

/** What an HTML table shows of a table: its name, column names and cells, each as held and as the table prints it. */
public interface TableView {

    /** The table's name, shown as caption when not blank (may be null). */
    String name();

    /** The column names, in order. */
    List<String> columnNames();

    /** The number of rows. */
    int rowCount();

    /** The cell as the table holds it ({@code Double}, {@code Integer}, {@code String}, ...), or null when missing. */
    Object value(int row, int column);

    /** The cell as the table prints it. */
    String printed(int row, int column);
}
