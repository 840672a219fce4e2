package io.sluice.planner.catalog;

import io.sluice.runtime.types.LogicalType;

/**
 * A column of a catalog table: physical, or computed from an expression over other columns.
 * Computed columns are evaluated when the table is read.
 */
public final class CatalogColumn {
    private final String name;
    private final LogicalType type;
    private final String expression;
    private final String comment;

    private CatalogColumn(String name, LogicalType type, String expression, String comment) {
        this.name = name;
        this.type = type;
        this.expression = expression;
        this.comment = comment;
    }

    public static CatalogColumn physical(String name, LogicalType type) {
        return new CatalogColumn(name, type, null, null);
    }

    public static CatalogColumn physical(String name, LogicalType type, String comment) {
        return new CatalogColumn(name, type, null, comment);
    }

    /** A computed column; its type is known once the expression has been validated. */
    public static CatalogColumn computed(String name, LogicalType type, String expression, String comment) {
        return new CatalogColumn(name, type, expression, comment);
    }

    public String name() {
        return name;
    }

    public LogicalType type() {
        return type;
    }

    public boolean isPhysical() {
        return expression == null;
    }

    /** The SQL expression of a computed column, or null. */
    public String expression() {
        return expression;
    }

    public String comment() {
        return comment;
    }
}
