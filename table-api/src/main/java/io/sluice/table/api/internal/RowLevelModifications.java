package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.SupportsDeletePushDown;
import io.sluice.runtime.connector.SupportsRowLevelDelete;
import io.sluice.runtime.connector.SupportsRowLevelUpdate;
import io.sluice.runtime.connector.SupportsTruncate;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.sql.parser.ast.DeleteStatement;
import io.sluice.sql.parser.ast.SqlFragment;
import io.sluice.sql.parser.ast.TruncateTableStatement;
import io.sluice.sql.parser.ast.UpdateStatement;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TRUNCATE TABLE}, {@code DELETE FROM} and {@code UPDATE}, as Flink runs them: batch mode only, and only on
 * a table whose sink implements {@link SupportsTruncate}, {@link SupportsDeletePushDown} /
 * {@link SupportsRowLevelDelete} or {@link SupportsRowLevelUpdate}. A {@code DELETE} without a condition is pushed
 * down when the sink can ({@code rows affected} is shown when it reports the count); otherwise the statement runs a
 * batch job that selects the affected rows from the table and writes them into its sink as {@code -D} rows, or with
 * the new values as {@code +U} rows.
 */
final class RowLevelModifications {
    private final TableEnvironmentImpl env;

    RowLevelModifications(TableEnvironmentImpl env) {
        this.env = env;
    }

    TableResult truncate(TruncateTableStatement s) {
        if (isStreaming()) {
            throw new TableException("TRUNCATE TABLE statement is not supported in streaming mode.");
        }
        ObjectIdentifier id = env.catalogs().qualify(s.table().parts());
        DynamicTableSink sink = sink(id, table(id, "TRUNCATE TABLE"));
        if (!(sink instanceof SupportsTruncate)) {
            throw new TableException("TRUNCATE TABLE statement is not supported for the table " + id
                    + " since the table hasn't implemented the interface " + SupportsTruncate.class.getName() + ".");
        }
        ((SupportsTruncate) sink).executeTruncation();
        return TableResultImpl.ok(env.configuration());
    }

    TableResult delete(DeleteStatement s) {
        ObjectIdentifier id = env.catalogs().qualify(s.table().parts());
        CatalogTable table = table(id, "DELETE");
        if (isStreaming()) {
            throw new TableException("DELETE statement is not supported for streaming mode now.");
        }
        DynamicTableSink sink = sink(id, table);
        if (s.condition() == null && sink instanceof SupportsDeletePushDown) {
            Optional<Long> rows = ((SupportsDeletePushDown) sink).executeDeletion();
            if (rows.isEmpty()) {
                return TableResultImpl.ok(env.configuration());
            }
            return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("rows affected", DataTypes.BIGINT())),
                    List.of(Row.of(rows.get())), env.configuration());
        }
        if (!(sink instanceof SupportsRowLevelDelete)) {
            throw new TableException("Can't perform delete operation of the table " + id + " because the"
                    + " corresponding dynamic table sink has not yet implemented "
                    + SupportsRowLevelDelete.class.getName() + ".");
        }
        ((SupportsRowLevelDelete) sink).applyRowLevelDelete();
        List<String> columns = table.physicalRowType().names();
        List<String> selected = new ArrayList<>();
        columns.forEach(c -> selected.add(quote(c)));
        return run(id, sink, columns, select(id, selected, s.condition()), RowKind.DELETE);
    }

    TableResult update(UpdateStatement s) {
        ObjectIdentifier id = env.catalogs().qualify(s.table().parts());
        CatalogTable table = table(id, "UPDATE");
        List<String> columns = table.physicalRowType().names();
        Map<String, SqlFragment> values = new LinkedHashMap<>();
        for (UpdateStatement.Assignment a : s.assignments()) {
            if (!columns.contains(a.column())) {
                throw new ValidationException("Unknown target column '" + a.column() + "'");
            }
            if (values.put(a.column(), a.value()) != null) {
                throw new ValidationException("Target column '" + a.column() + "' is assigned more than once");
            }
        }
        if (isStreaming()) {
            throw new TableException("UPDATE statement is not supported for streaming mode now.");
        }
        DynamicTableSink sink = sink(id, table);
        if (!(sink instanceof SupportsRowLevelUpdate)) {
            throw new TableException("Can't perform update operation of the table " + id + " because the"
                    + " corresponding dynamic table sink has not yet implemented "
                    + SupportsRowLevelUpdate.class.getName() + ".");
        }
        ((SupportsRowLevelUpdate) sink).applyRowLevelUpdate(List.copyOf(values.keySet()));
        List<String> selected = new ArrayList<>();
        for (String c : columns) {
            SqlFragment v = values.get(c);
            selected.add(v == null ? quote(c) : "(" + v.text() + ") AS " + quote(c));
        }
        return run(id, sink, columns, select(id, selected, s.condition()), RowKind.UPDATE_AFTER);
    }

    /** Plans {@code query} as an INSERT into the table whose rows reach {@code sink}'s writer as {@code kind}. */
    private TableResult run(ObjectIdentifier id, DynamicTableSink sink, List<String> columns, String query,
            RowKind kind) {
        if (!sink.getChangelogMode(ChangelogMode.all()).contains(kind)) {
            throw new ValidationException("Sink " + id + " does not accept " + kind.shortString() + " rows.");
        }
        TableEnvironmentImpl.CompiledInsert insert = env.compileInsert(id.toList(), Map.of(), columns, query, false,
                Map.of());
        SinkTransformation stamped = new SinkTransformation(insert.sink.name(), insert.sink.inputs().get(0),
                ctx -> new RowKindStampingWriter(sink.createWriter(ctx), kind));
        return env.executeInserts(List.of(new TableEnvironmentImpl.CompiledInsert(insert.target, insert.query,
                stamped)));
    }

    private static String select(ObjectIdentifier id, List<String> selected, SqlFragment condition) {
        return "SELECT " + String.join(", ", selected) + " FROM " + id.asSerializableString()
                + (condition == null ? "" : " WHERE " + condition.text());
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private boolean isStreaming() {
        return env.configuration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
    }

    private CatalogTable table(ObjectIdentifier id, String statement) {
        Object o = env.catalogs().getObjectOrThrow(id);
        if (!(o instanceof CatalogTable)) {
            throw new ValidationException(statement + " is not supported on view " + id + ".");
        }
        return (CatalogTable) o;
    }

    private DynamicTableSink sink(ObjectIdentifier id, CatalogTable table) {
        String connector = table.options().get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + id + " has no 'connector' option and cannot be written to.");
        }
        DynamicTableSinkFactory factory = FactoryUtil.discover(DynamicTableSinkFactory.class, connector,
                env.classLoader());
        FactoryUtil.validateOptions(id.toString(), factory, table.options(), env.classLoader());
        return factory.createDynamicTableSink(new TableContext(id.toString(), table.physicalRowType(),
                io.sluice.runtime.connector.BadRecords.withoutTableOption(table.options()), env.configuration(),
                table.partitionKeys(), table.primaryKey()));
    }
}
