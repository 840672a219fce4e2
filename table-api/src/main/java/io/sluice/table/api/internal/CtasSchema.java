package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.sql.parser.ast.ColumnDefinition;
import io.sluice.sql.parser.ast.CreateTableAsStatement;
import io.sluice.table.api.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a table made by {@code CREATE TABLE ... AS SELECT}, as Flink 2.x derives them from the query's
 * columns and the statement's schema part:
 * <ul>
 *   <li>no schema part: the query's columns;</li>
 *   <li>column names only, {@code CREATE TABLE t (c, a, b) AS ...}: the query's columns in that order (every one
 *       named exactly once);</li>
 *   <li>column definitions (plus watermark and primary key): declared columns that the query lacks come first,
 *       then the query's columns in query order; a declared physical column named like a query column replaces it
 *       in place with the declared type, which the query's type must cast to implicitly. A declared physical column
 *       the query lacks is written as NULL, so it must be nullable.</li>
 * </ul>
 */
final class CtasSchema {
    private CtasSchema() {
    }

    /** Fills {@code draft}'s columns (and watermark and primary key) for statement {@code s} over {@code query}. */
    static void apply(TableDraft draft, CreateTableAsStatement s, RowType query) {
        Map<String, CatalogColumn> source = new LinkedHashMap<>();
        for (int i = 0; i < query.size(); i++) {
            if (source.put(query.name(i), CatalogColumn.physical(query.name(i), query.type(i))) != null) {
                throw new ValidationException("A column named '" + query.name(i) + "' already exists in the schema.");
            }
        }
        if (!s.columnNames().isEmpty()) {
            reorder(draft, s.columnNames(), source);
            return;
        }
        Map<String, CatalogColumn> added = new LinkedHashMap<>();
        List<ColumnDefinition> declared = s.columns();
        for (int pos = 0; pos < declared.size(); pos++) {
            ColumnDefinition c = declared.get(pos);
            String name = c.name();
            if (added.containsKey(name)) {
                throw TableDraft.at(new ValidationException("A column named '" + name + "' already exists in the"
                        + " schema."), c.position());
            }
            CatalogColumn column = TableDraft.toCatalogColumn(c);
            draft.remember(c);
            CatalogColumn replaced = source.get(name);
            if (replaced == null) {
                if (c.kind() == ColumnDefinition.Kind.PHYSICAL && !column.type().isNullable()) {
                    throw TableDraft.at(new ValidationException("Column '" + name + "' has no default value and does"
                            + " not allow NULLs: the query has no column '" + name + "' to fill it."), c.position());
                }
                added.put(name, column);
                continue;
            }
            if (c.kind() != ColumnDefinition.Kind.PHYSICAL) {
                throw TableDraft.at(new ValidationException("A column named '" + name + "' already exists in the"
                        + " source schema. Computed and metadata columns cannot overwrite regular columns."),
                        c.position());
            }
            if (!implicitCast(replaced.type(), column.type())) {
                throw TableDraft.at(new ValidationException("Incompatible types for sink column '" + name
                        + "' at position " + pos + ". The source column has type '" + replaced.type()
                        + "', while the target column has type '" + column.type() + "'."), c.position());
            }
            source.put(name, column);
        }
        draft.columns.addAll(added.values());
        draft.columns.addAll(source.values());
        if (s.watermark() != null) {
            draft.watermarkColumn = s.watermark().rowtimeColumn();
            draft.watermarkExpression = s.watermark().expression().text();
            draft.watermarkPosition = s.watermark().position();
            draft.watermarkFragment = s.watermark().expression();
        }
        if (s.primaryKey() != null) {
            draft.primaryKey = s.primaryKey().columns();
            draft.primaryKeyName = s.primaryKey().constraintName();
            draft.primaryKeyPosition = s.primaryKey().position();
        }
    }

    private static void reorder(TableDraft draft, List<String> names, Map<String, CatalogColumn> source) {
        if (names.size() != source.size()) {
            throw new ValidationException("The number of columns in the column list must match the number of columns"
                    + " in the source schema: " + names.size() + " names for the query's " + source.size()
                    + " columns (" + String.join(", ", source.keySet()) + ").");
        }
        for (String name : names) {
            CatalogColumn c = source.get(name);
            if (c == null) {
                throw new ValidationException("Column '" + name + "' not found in the source schema."
                        + io.sluice.runtime.util.NameSuggestions.didYouMean(name, List.copyOf(source.keySet())));
            }
            if (draft.indexOf(name) >= 0) {
                throw new ValidationException("A column named '" + name + "' already exists in the schema.");
            }
            draft.columns.add(c);
        }
    }

    /**
     * Whether values of {@code from} convert to {@code to} implicitly, as for INSERT INTO: within a type family
     * (any length or precision), numeric widening (TINYINT, SMALLINT, INT, BIGINT, DECIMAL, FLOAT, DOUBLE),
     * between TIMESTAMP and TIMESTAMP_LTZ, DATE to timestamps, and NULL to anything; never nullable to NOT NULL.
     */
    static boolean implicitCast(LogicalType from, LogicalType to) {
        if (from.isNullable() && !to.isNullable()) {
            return false;
        }
        TypeRoot f = from.root();
        TypeRoot t = to.root();
        if (f == TypeRoot.NULL || f == t) {
            return true;
        }
        if (f.isCharacterString() && t.isCharacterString() || f.isBinaryString() && t.isBinaryString()) {
            return true;
        }
        if (f.isNumeric() && t.isNumeric()) {
            return numericRank(f) <= numericRank(t);
        }
        boolean timestampTarget = t == TypeRoot.TIMESTAMP || t == TypeRoot.TIMESTAMP_LTZ;
        return timestampTarget && (f == TypeRoot.TIMESTAMP || f == TypeRoot.TIMESTAMP_LTZ || f == TypeRoot.DATE);
    }

    private static int numericRank(TypeRoot root) {
        switch (root) {
            case TINYINT:
                return 0;
            case SMALLINT:
                return 1;
            case INTEGER:
                return 2;
            case BIGINT:
                return 3;
            case DECIMAL:
                return 4;
            case FLOAT:
                return 5;
            default:
                return 6;
        }
    }
}
