package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.sql.parser.ast.AlterTableStatement;
import io.sluice.sql.parser.ast.AlterTableStatement.ColumnChange;
import io.sluice.sql.parser.ast.AlterViewStatement;
import io.sluice.sql.parser.ast.SqlPosition;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Executes {@code ALTER TABLE} and {@code ALTER VIEW} against the catalog with Flink's rules and messages
 * (prefixed "Failed to execute ALTER TABLE statement."): the changed table is re-validated as a whole, so
 * computed columns added or kept are typed again and the watermark is checked again.
 */
final class AlterTableExecutor {
    static final String PREFIX = "Failed to execute ALTER TABLE statement.\n";

    private final TableEnvironmentImpl env;

    AlterTableExecutor(TableEnvironmentImpl env) {
        this.env = env;
    }

    /**
     * Applies the statement; returns false when the table does not exist and IF EXISTS was given. As in Flink, the
     * new options are stored unchecked: a query that reads or writes the table checks them against its connector.
     */
    boolean alter(AlterTableStatement s) {
        ObjectIdentifier id = env.catalogs().qualify(s.name().parts());
        Object existing = env.catalogs().getObject(id).orElse(null);
        if (existing == null) {
            if (s.isIfExists()) {
                return false;
            }
            throw new ValidationException("Table " + id.asSerializableString()
                    + " doesn't exist or is a temporary table."
                    + io.sluice.runtime.util.NameSuggestions.didYouMean(id.object(),
                            env.catalogs().listObjects(id.catalog(), id.database())));
        }
        if (existing instanceof CatalogView) {
            throw new ValidationException(PREFIX + id + " is a view, not a table; use ALTER VIEW.");
        }
        CatalogTable table = (CatalogTable) existing;
        if (s.action() == AlterTableStatement.Action.RENAME_TABLE) {
            env.catalogs().renameObject(id, renamed(id, s.newName().parts()));
            return true;
        }
        TableDraft d = TableDraft.of(table);
        switch (s.action()) {
            case RENAME_COLUMN -> renameColumn(d, s.renameFrom(), s.renameTo(), s.position());
            case SET_OPTIONS -> d.options.putAll(s.options());
            case RESET_OPTIONS -> {
                if (s.resetKeys().isEmpty()) {
                    throw TableDraft.at(new ValidationException("ALTER TABLE RESET does not support empty key"),
                            s.position());
                }
                for (String key : s.resetKeys()) {
                    if (key.isEmpty()) {
                        throw error("ALTER TABLE RESET does not support empty key.", s.position());
                    }
                    if (key.equals("connector")) {
                        throw error("ALTER TABLE RESET does not support changing 'connector'.", s.position());
                    }
                    d.options.remove(key);
                }
            }
            case ADD -> add(d, s);
            case MODIFY -> modify(d, s);
            case DROP_COLUMNS -> dropColumns(d, s.dropColumns(), s.position());
            case DROP_PRIMARY_KEY, DROP_CONSTRAINT -> {
                if (d.primaryKey.isEmpty()) {
                    throw error("The base table does not define any primary key.", s.position());
                }
                if (s.constraintName() != null && !s.constraintName().equals(d.primaryKeyName)) {
                    throw error("The base table does not define a primary key constraint named '"
                            + s.constraintName() + "'. Available constraint name: ['" + d.primaryKeyName + "'].",
                            s.position());
                }
                d.primaryKey = List.of();
                d.primaryKeyName = null;
            }
            case DROP_WATERMARK -> {
                if (d.watermarkColumn == null) {
                    throw error("The base table does not define any watermark strategy.", s.position());
                }
                d.watermarkColumn = null;
                d.watermarkExpression = null;
            }
            default -> throw new IllegalStateException(s.action().toString());
        }
        CatalogTable altered;
        try {
            altered = d.finish(env, id);
        } catch (ValidationException e) {
            throw prefixed(e);
        }
        env.catalogs().alterObject(id, altered);
        return true;
    }

    /** ALTER VIEW v RENAME TO w | AS query. */
    void alter(AlterViewStatement s) {
        ObjectIdentifier id = env.catalogs().qualify(s.name().parts());
        Object existing = env.catalogs().getObjectOrThrow(id);
        if (!(existing instanceof CatalogView)) {
            throw new ValidationException("ALTER VIEW for a table is not allowed: " + id + " is a table.");
        }
        if (s.newName() != null) {
            env.catalogs().renameObject(id, renamed(id, s.newName().parts()));
            return;
        }
        CatalogView view = (CatalogView) existing;
        RowType rowType = RelTypes.toRowType(env.planner().validatedRowType(s.query().text()));
        if (!view.columnNames().isEmpty()) {
            if (view.columnNames().size() != rowType.size()) {
                throw new ValidationException("View " + id + " names " + view.columnNames().size()
                        + " columns but its new query has " + rowType.size());
            }
            rowType = new RowType(view.columnNames(), rowType.types());
        }
        env.catalogs().alterObject(id, new CatalogView(s.query().text(), env.expandedQuery(s.query().text()),
                view.columnNames(), view.comment(), rowType));
    }

    // ------------------------------------------------------------------ ADD / MODIFY

    private void add(TableDraft d, AlterTableStatement s) {
        for (ColumnChange c : s.columns()) {
            String name = c.column().name();
            if (d.column(name) != null) {
                throw error("Try to add a column `" + name + "` which already exists in the table.",
                        c.column().position());
            }
            place(d, c, TableDraft.toCatalogColumn(c.column()), d.columns.size());
            d.remember(c.column());
        }
        if (s.watermark() != null) {
            if (d.watermarkColumn != null) {
                throw error("The base table has already defined the watermark strategy `" + d.watermarkColumn
                        + "` AS " + d.watermarkExpression + ". You might want to drop it before adding a new one.",
                        s.watermark().position());
            }
            setWatermark(d, s);
        }
        if (s.primaryKey() != null) {
            if (!d.primaryKey.isEmpty()) {
                throw error("The base table has already defined the primary key constraint [`"
                        + String.join("`, `", d.primaryKey) + "`]. You might want to drop it before adding a new one.",
                        s.primaryKey().position());
            }
            setPrimaryKey(d, s);
        }
    }

    private void modify(TableDraft d, AlterTableStatement s) {
        for (ColumnChange c : s.columns()) {
            String name = c.column().name();
            int index = d.indexOf(name);
            if (index < 0) {
                throw error("Try to modify a column `" + name + "` which does not exist in the table."
                        + NameSuggestions.didYouMean(name, d.names()), c.column().position());
            }
            d.columns.remove(index);
            place(d, c, TableDraft.toCatalogColumn(c.column()), index);
            d.remember(c.column());
        }
        if (s.watermark() != null) {
            if (d.watermarkColumn == null) {
                throw error("The base table does not define any watermark. You might want to add a new one.",
                        s.watermark().position());
            }
            setWatermark(d, s);
        }
        if (s.primaryKey() != null) {
            if (d.primaryKey.isEmpty()) {
                throw error("The base table does not define any primary key constraint. You might want to add a new"
                        + " one.", s.primaryKey().position());
            }
            setPrimaryKey(d, s);
        }
    }

    /** Inserts {@code column} FIRST, AFTER another column, or at {@code defaultIndex}. */
    private static void place(TableDraft d, ColumnChange c, CatalogColumn column, int defaultIndex) {
        int index = defaultIndex;
        if (c.first()) {
            index = 0;
        } else if (c.after() != null) {
            int after = d.indexOf(c.after());
            if (after < 0) {
                throw error("Referenced column `" + c.after() + "` by 'AFTER' does not exist in the table."
                        + NameSuggestions.didYouMean(c.after(), d.names()), c.column().position());
            }
            index = after + 1;
        }
        d.columns.add(index, column);
    }

    private static void setWatermark(TableDraft d, AlterTableStatement s) {
        d.watermarkColumn = s.watermark().rowtimeColumn();
        d.watermarkExpression = s.watermark().expression().text();
        d.watermarkPosition = s.watermark().position();
        d.watermarkFragment = s.watermark().expression();
    }

    private static void setPrimaryKey(TableDraft d, AlterTableStatement s) {
        d.primaryKey = s.primaryKey().columns();
        d.primaryKeyName = s.primaryKey().constraintName();
        d.primaryKeyPosition = s.primaryKey().position();
    }

    /**
     * The new identity of a renamed table or view: a bare name stays in the object's own catalog and database (as
     * in Flink: {@code ALTER TABLE db2.t2 RENAME TO t3} renames inside db2); a qualified name is taken as written.
     */
    private ObjectIdentifier renamed(ObjectIdentifier id, java.util.List<String> newName) {
        if (newName.size() == 1) {
            return new ObjectIdentifier(id.catalog(), id.database(), newName.get(0));
        }
        return env.catalogs().qualify(newName);
    }

    // ------------------------------------------------------------------ DROP / RENAME column

    private void dropColumns(TableDraft d, List<String> columns, SqlPosition position) {
        Set<String> dropped = new TreeSet<>(columns);
        for (String name : columns) {
            checkReferences(d, name, dropped, position);
            if (d.primaryKey.contains(name)) {
                throw error("The column `" + name + "` is used as the primary key.", position);
            }
        }
        d.columns.removeIf(c -> dropped.contains(c.name()));
    }

    private void renameColumn(TableDraft d, String from, String to, SqlPosition position) {
        checkReferences(d, from, Set.of(), position);
        if (d.column(to) != null) {
            throw error("The column `" + to + "` already exists in the table.", position);
        }
        int index = d.indexOf(from);
        d.columns.set(index, d.columns.get(index).rename(to));
        List<String> key = new ArrayList<>(d.primaryKey);
        key.replaceAll(k -> k.equals(from) ? to : k);
        d.primaryKey = key;
    }

    /**
     * Fails when {@code name} is missing, or read by a computed column (other than one in {@code alsoDropped}),
     * a partition key or the watermark, as Flink does before dropping or renaming a column.
     */
    private void checkReferences(TableDraft d, String name, Set<String> alsoDropped, SqlPosition position) {
        if (d.column(name) == null) {
            throw error("The column `" + name + "` does not exist in the base table."
                    + NameSuggestions.didYouMean(name, d.names()), position);
        }
        List<CatalogColumn> physical = new ArrayList<>();
        d.columns.forEach(c -> {
            if (c.isPhysical()) {
                physical.add(c);
            }
        });
        TreeSet<String> readers = new TreeSet<>();
        for (CatalogColumn c : d.columns) {
            if (c.isComputed() && !alsoDropped.contains(c.name())
                    && TableDraft.references(env, c.expression(), physical).contains(name)) {
                readers.add("`" + c.name() + "`");
            }
        }
        if (!readers.isEmpty()) {
            throw error("The column `" + name + "` is referenced by computed column " + String.join(", ", readers)
                    + ".", position);
        }
        if (d.partitionKeys.contains(name)) {
            throw error("The column `" + name + "` is used as the partition keys.", position);
        }
        if (d.watermarkColumn != null && (d.watermarkColumn.equals(name)
                || TableDraft.references(env, d.watermarkExpression, d.columns).contains(name))) {
            throw error("The column `" + name + "` is referenced by watermark expression.", position);
        }
    }

    private static ValidationException error(String message, SqlPosition position) {
        return TableDraft.at(new ValidationException(PREFIX + message), position);
    }

    private static ValidationException prefixed(ValidationException e) {
        if (e.getMessage().startsWith(PREFIX)) {
            return e;
        }
        ValidationException p = new ValidationException(PREFIX + e.getMessage(), e);
        if (e.hasPosition()) {
            p.atPosition(e.line(), e.column());
        }
        return p;
    }
}
