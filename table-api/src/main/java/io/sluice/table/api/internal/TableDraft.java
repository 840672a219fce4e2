package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.sql.parser.ast.ColumnDefinition;
import io.sluice.sql.parser.ast.SqlFragment;
import io.sluice.sql.parser.ast.SqlPosition;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * A table definition being assembled by CREATE TABLE, CREATE TABLE ... LIKE or ALTER TABLE: mutable columns,
 * key, watermark, partition keys and options, plus where each part is written in the statement (for error
 * positions). {@link #finish} validates the whole and types computed columns, as Flink resolves a schema.
 */
final class TableDraft {
    final List<CatalogColumn> columns = new ArrayList<>();
    /** Where computed column expressions are written in the current statement, by column name. */
    final Map<String, SqlFragment> fragments = new HashMap<>();
    /** Where columns are written in the current statement, by column name. */
    final Map<String, SqlPosition> columnPositions = new HashMap<>();
    List<String> primaryKey = List.of();
    String primaryKeyName;
    SqlPosition primaryKeyPosition;
    String watermarkColumn;
    String watermarkExpression;
    SqlPosition watermarkPosition;
    SqlFragment watermarkFragment;
    String comment;
    List<String> partitionKeys = List.of();
    Map<String, String> options = new LinkedHashMap<>();

    /** A draft holding everything {@code table} defines (positions empty). */
    static TableDraft of(CatalogTable table) {
        TableDraft d = new TableDraft();
        d.columns.addAll(table.columns());
        d.primaryKey = table.primaryKey();
        d.primaryKeyName = table.primaryKeyName();
        d.watermarkColumn = table.watermarkColumn();
        d.watermarkExpression = table.watermarkExpression();
        d.comment = table.comment();
        d.partitionKeys = table.partitionKeys();
        d.options.putAll(table.options());
        return d;
    }

    /** The catalog column for a parsed column definition (a computed column's type comes from {@link #finish}). */
    static CatalogColumn toCatalogColumn(ColumnDefinition c) {
        switch (c.kind()) {
            case PHYSICAL:
                return CatalogColumn.physical(c.name(), DdlTypes.toLogicalType(c.type()), c.comment());
            case COMPUTED:
                return CatalogColumn.computed(c.name(), null, c.expression().text(), c.comment());
            default:
                return CatalogColumn.metadata(c.name(), DdlTypes.toLogicalType(c.type()), c.metadataKey(),
                        c.isVirtual(), c.comment());
        }
    }

    /** Records a parsed column's position (and expression) so that errors about it point at it. */
    void remember(ColumnDefinition c) {
        columnPositions.put(c.name(), c.position());
        if (c.expression() != null) {
            fragments.put(c.name(), c.expression());
        }
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    int indexOf(String name) {
        return names().indexOf(name);
    }

    CatalogColumn column(String name) {
        int i = indexOf(name);
        return i < 0 ? null : columns.get(i);
    }

    /** Validates the draft and builds the table; computed columns get the types of their expressions. */
    CatalogTable finish(TableEnvironmentImpl env, ObjectIdentifier id) {
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw at(new ValidationException("Duplicate column name '" + names.get(i) + "' in table " + id + "."),
                        columnPositions.get(names.get(i)));
            }
        }
        if (names.isEmpty()) {
            throw new ValidationException("Table " + id + " must have at least one column.");
        }
        List<CatalogColumn> typed = env.typeComputedColumns(fragments, columns);
        columns.clear();
        columns.addAll(typed);
        if (watermarkColumn != null) {
            if (!names.contains(watermarkColumn)) {
                throw at(new ValidationException("The rowtime attribute '" + watermarkColumn + "' of the WATERMARK is"
                        + " not a column of table " + id + "." + NameSuggestions.didYouMean(watermarkColumn, names)),
                        watermarkPosition);
            }
            env.validateWatermark(watermarkPosition, watermarkFragment, columns, watermarkColumn, watermarkExpression);
        }
        String keyName = primaryKeyName != null ? primaryKeyName : "PK_" + String.join("_", primaryKey);
        for (String k : primaryKey) {
            CatalogColumn c = column(k);
            if (c == null) {
                throw at(new ValidationException("Invalid primary key '" + keyName + "'. Column '" + k
                        + "' does not exist in table " + id + "." + NameSuggestions.didYouMean(k, names)),
                        primaryKeyPosition);
            }
            if (!c.isPhysical()) {
                throw at(new ValidationException("Invalid primary key '" + keyName + "'. Column '" + k
                        + "' is not a physical column."), primaryKeyPosition);
            }
        }
        for (String k : partitionKeys) {
            if (!names.contains(k)) {
                throw new ValidationException("Partition column '" + k + "' not defined in the table schema of "
                        + id + "." + NameSuggestions.didYouMean(k, names));
            }
        }
        return new CatalogTable(columns, options, primaryKey, primaryKeyName, watermarkColumn, watermarkExpression,
                comment, partitionKeys);
    }

    /** The columns an expression over {@code inputs} reads (inputs are typed: computed columns need their type). */
    static Set<String> references(TableEnvironmentImpl env, String expression, List<CatalogColumn> inputs) {
        RelDataTypeFactory factory = env.planner().typeFactory();
        RelDataTypeFactory.Builder b = factory.builder();
        for (CatalogColumn c : inputs) {
            LogicalType t = c.type();
            b.add(c.name(), RelTypes.toRelDataType(t, factory));
        }
        RelDataType rowType = b.build();
        Set<String> used = new LinkedHashSet<>();
        RexNode e;
        try {
            e = env.planner().convertExpressions(null, rowType, List.of(expression)).get(0);
        } catch (RuntimeException ex) {
            return used; // an invalid expression reads nothing that could be protected
        }
        e.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                used.add(inputs.get(ref.getIndex()).name());
                return null;
            }
        });
        return used;
    }

    static <E extends io.sluice.table.api.TableException> E at(E e, SqlPosition position) {
        if (position != null && !e.hasPosition()) {
            e.atPosition(position.line(), position.column());
        }
        return e;
    }
}
