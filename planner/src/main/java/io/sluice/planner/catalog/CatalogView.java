package io.sluice.planner.catalog;

import io.sluice.runtime.types.RowType;
import java.util.List;

/** A view: a query stored by name, expanded wherever the view is used. */
public final class CatalogView implements CatalogBaseTable {
    private final String query;
    private final String expandedQuery;
    private final List<String> columnNames;
    private final String comment;
    private final RowType rowType;

    public CatalogView(String query, List<String> columnNames, String comment, RowType rowType) {
        this(query, null, columnNames, comment, rowType);
    }

    /**
     * @param expandedQuery the query with every name fully qualified and {@code *} expanded (what SHOW CREATE VIEW
     *     prints), or null to print {@code query}
     */
    public CatalogView(String query, String expandedQuery, List<String> columnNames, String comment,
            RowType rowType) {
        this.query = query;
        this.expandedQuery = expandedQuery;
        this.columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        this.comment = comment;
        this.rowType = rowType;
    }

    /** The view's columns as validated when it was created. */
    public RowType rowType() {
        return rowType;
    }

    /** The view's SQL text. */
    public String query() {
        return query;
    }

    /** The query with names fully qualified and {@code *} expanded, or {@link #query()} when not known. */
    public String expandedQuery() {
        return expandedQuery != null ? expandedQuery : query;
    }

    /** Whether {@link #expandedQuery()} differs from the text as written (it was computed when the view was made). */
    public boolean hasExpandedQuery() {
        return expandedQuery != null;
    }

    /** Column aliases given in {@code CREATE VIEW v (a, b) AS ...}, or empty. */
    public List<String> columnNames() {
        return columnNames;
    }

    public String comment() {
        return comment;
    }
}
