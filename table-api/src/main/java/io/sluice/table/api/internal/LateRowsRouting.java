package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.late.LateRows;
import io.sluice.runtime.operator.LabelingOperator;
import io.sluice.runtime.operator.union.UnionOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Late rows to a table (a Sluice addition): with {@code 'sluice.late-rows.table'} set, every operator of a job that
 * finds rows behind the watermark (window aggregates, window Top-N, deduplication and joins, session windows,
 * event-time OVER aggregates, temporal sorts, MATCH_RECOGNIZE) hands them on its late-rows side output, labelled with its name, to a sink writing
 * that table in the same job, instead of dropping them. Rows written there go through the ordinary sink path, so
 * they are committed with the job's checkpoints like its main output. The table's columns are fixed
 * ({@link LateRows#TABLE_TYPE}) and checked when the job is planned.
 */
final class LateRowsRouting {
    static final ConfigOption<String> TABLE = ConfigOptions.key("sluice.late-rows.table").stringType()
            .noDefaultValue()
            .withDescription("A Sluice addition: the table ([catalog.][database.]name) that receives the rows "
                    + "operators find behind the watermark instead of dropping them; its columns are "
                    + LateRows.DDL + ".");

    private LateRowsRouting() {
    }

    /**
     * {@code sinks}, plus a sink of the late-rows table when the option names one and some operator of the job can
     * find late rows. The table is checked (it exists, is a table, has the late-row columns) whenever the option
     * is set.
     */
    static List<SinkTransformation> attach(List<SinkTransformation> sinks, TableEnvironmentImpl env) {
        String name = env.configuration().toMap().get(TABLE.key());
        if (name == null || name.isBlank()) {
            return sinks;
        }
        ObjectIdentifier id = env.catalogs().qualify(TableEnvironmentImpl.splitPath(name.trim()));
        CatalogTable table = lateTable(env, id);
        List<OperatorTransformation> producers = new ArrayList<>();
        for (Transformation t : new JobGraph("late-rows", sinks).topologicalOrder()) {
            if (t instanceof OperatorTransformation o && o.hasLateRowOutput()) {
                producers.add(o);
            }
        }
        if (producers.isEmpty()) {
            return sinks;
        }
        List<Transformation> labelled = new ArrayList<>();
        for (OperatorTransformation p : producers) {
            String operator = p.name();
            labelled.add(new OperatorTransformation("LateRows(operator=[" + operator + "])", List.of(p),
                    () -> new LabelingOperator(operator, LateRows.TABLE_TYPE), LateRows.TABLE_TYPE)
                    .consumingSideOutput(LateRows.SIDE_OUTPUT));
        }
        Transformation rows = labelled.get(0);
        if (labelled.size() > 1) {
            int n = labelled.size();
            rows = new OperatorTransformation("Union(all=[true], union=[" + String.join(", ", LateRows.COLUMNS)
                    + "])", labelled, () -> new UnionOperator(n, LateRows.TABLE_TYPE), LateRows.TABLE_TYPE);
        }
        List<SinkTransformation> all = new ArrayList<>(sinks);
        all.add(env.insertOnlySink(id, table, rows));
        return all;
    }

    /** The late-rows table {@code id}, checked: it exists, is a table, and has exactly the late-row columns. */
    private static CatalogTable lateTable(TableEnvironmentImpl env, ObjectIdentifier id) {
        Optional<Object> o = env.catalogs().getObject(id);
        if (o.isEmpty()) {
            throw new ValidationException("The late-rows table " + id + " (option '" + TABLE.key()
                    + "') does not exist." + NameSuggestions.didYouMean(id.object(),
                    env.catalogs().listObjects(id.catalog(), id.database()))
                    + " Create it with the columns (" + LateRows.DDL + ").");
        }
        if (!(o.get() instanceof CatalogTable table)) {
            throw new ValidationException("The late-rows table " + id + " (option '" + TABLE.key()
                    + "') is a view; it must be a table with the columns (" + LateRows.DDL + ").");
        }
        RowType actual = table.physicalRowType();
        RowType expected = LateRows.TABLE_TYPE;
        String problem = null;
        if (actual.size() != expected.size()) {
            problem = "it has " + actual.size() + " physical columns, not " + expected.size();
        } else {
            for (int i = 0; i < expected.size() && problem == null; i++) {
                if (!actual.name(i).equals(expected.name(i))) {
                    problem = "column " + (i + 1) + " is '" + actual.name(i) + "', not '" + expected.name(i) + "'";
                } else if (!sameType(actual.type(i), expected.type(i))) {
                    problem = "column '" + actual.name(i) + "' has type " + actual.type(i) + ", not "
                            + expected.type(i);
                }
            }
        }
        if (problem != null) {
            throw new ValidationException("The late-rows table " + id + " (option '" + TABLE.key()
                    + "') must have exactly the columns (" + LateRows.DDL + "), in this order: " + problem + ".");
        }
        return table;
    }

    private static boolean sameType(LogicalType actual, LogicalType expected) {
        return actual.root() == expected.root() && actual.precision() == expected.precision();
    }
}
