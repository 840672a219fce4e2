package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.planner.translate.TimeAttributes;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * What the DataStream bridge ({@code StreamTableEnvironment}) needs of a {@link TableEnvironmentImpl} beyond its public
 * API: tables whose rows come from a source object, and the planned transformation of a {@link Table}. Not for
 * applications.
 */
public final class BridgeSupport {
    private BridgeSupport() {
    }

    /** The environment's options (shared, not a copy). */
    public static Configuration configuration(TableEnvironment env) {
        return impl(env).configuration();
    }

    /**
     * Creates the temporary table {@code name} with the columns of {@code ddlColumns} (the body of a
     * {@code CREATE TABLE}), validated as DDL, whose rows come from the source {@code sourceFactory} builds for the
     * created catalog entry.
     */
    public static void createSourceTable(TableEnvironment env, String name, String ddlColumns,
            java.util.function.Function<CatalogTable, ScanTableSource> sourceFactory) {
        TableEnvironmentImpl impl = impl(env);
        ObjectIdentifier id = impl.catalogs().qualify(List.of(name));
        impl.executeSql("CREATE TEMPORARY TABLE " + quote(id) + " (\n  " + ddlColumns
                + "\n) WITH ('connector' = 'datastream')");
        CatalogTable created = (CatalogTable) impl.catalogs().getObjectOrThrow(id);
        ScanTableSource source = sourceFactory.apply(created);
        impl.catalogs().dropObject(id, false, false);
        impl.catalogs().createObject(id, created.withInlineSource(source), false, true);
    }

    /**
     * The columns {@code ddlColumns} (the body of a {@code CREATE TABLE}) declare, parsed and typed as DDL (through a
     * temporary table that is dropped again).
     */
    public static List<io.sluice.planner.catalog.CatalogColumn> parseColumns(TableEnvironment env, String name,
            String ddlColumns) {
        TableEnvironmentImpl impl = impl(env);
        ObjectIdentifier id = impl.catalogs().qualify(List.of(name));
        impl.executeSql("CREATE TEMPORARY TABLE " + quote(id) + " (\n  " + ddlColumns
                + "\n) WITH ('connector' = 'datastream')");
        try {
            return ((CatalogTable) impl.catalogs().getObjectOrThrow(id)).columns();
        } finally {
            impl.catalogs().dropObject(id, false, true);
        }
    }

    /**
     * The sinks of the INSERTs added to {@code statementSet} (a statement set of a Sluice table environment), which
     * forgets them, as its {@code execute()} would.
     */
    public static List<io.sluice.runtime.graph.SinkTransformation> takeSinks(io.sluice.table.api.StatementSet statementSet) {
        if (!(statementSet instanceof StatementSetImpl)) {
            throw new IllegalArgumentException("not a Sluice statement set: " + statementSet.getClass().getName());
        }
        return ((StatementSetImpl) statementSet).takeSinks();
    }

    /** A planned table: the transformation producing its rows, its columns and which of them are rowtimes. */
    public record PlannedTable(Transformation root, RowType rowType, List<Integer> rowtimeColumns) {
    }

    /** Plans {@code table} of {@code env} into transformations (sources of converted streams call back). */
    public static PlannedTable plan(TableEnvironment env, Table table) {
        TableEnvironmentImpl impl = impl(env);
        if (!(table instanceof TableImpl) || ((TableImpl) table).env() != impl) {
            throw new io.sluice.table.api.ValidationException(
                    "The table was not created by this table environment.");
        }
        TableEnvironmentImpl.CompiledQuery q = impl.compileQuery(((TableImpl) table).query());
        List<Integer> rowtimes = new ArrayList<>();
        for (int i = 0; i < q.plan.rowType.size(); i++) {
            if (isRowtime(q.plan.optimized, i)) {
                rowtimes.add(i);
            }
        }
        return new PlannedTable(q.root, q.plan.rowType, rowtimes);
    }

    /**
     * Whether column {@code field} of {@code rel} is a rowtime attribute: as the planner decides, plus the
     * {@code window_time} a window aggregation groups by (it stays a rowtime, as in Flink).
     */
    private static boolean isRowtime(org.apache.calcite.rel.RelNode rel, int field) {
        if (rel instanceof org.apache.calcite.plan.hep.HepRelVertex) {
            return isRowtime(((org.apache.calcite.plan.hep.HepRelVertex) rel).getCurrentRel(), field);
        }
        if (rel instanceof org.apache.calcite.rel.core.Aggregate) {
            org.apache.calcite.rel.core.Aggregate agg = (org.apache.calcite.rel.core.Aggregate) rel;
            org.apache.calcite.rel.RelNode in = agg.getInput();
            if (in instanceof org.apache.calcite.plan.hep.HepRelVertex) {
                in = ((org.apache.calcite.plan.hep.HepRelVertex) in).getCurrentRel();
            }
            return field < agg.getGroupCount() && in instanceof org.apache.calcite.rel.core.TableFunctionScan
                    && TimeAttributes.isRowtime(in, agg.getGroupSet().nth(field));
        }
        if (rel instanceof org.apache.calcite.rel.core.Project) {
            org.apache.calcite.rex.RexNode e = ((org.apache.calcite.rel.core.Project) rel).getProjects().get(field);
            return e instanceof org.apache.calcite.rex.RexInputRef && isRowtime(
                    ((org.apache.calcite.rel.core.Project) rel).getInput(),
                    ((org.apache.calcite.rex.RexInputRef) e).getIndex());
        }
        if (rel instanceof org.apache.calcite.rel.core.Calc) {
            org.apache.calcite.rel.core.Calc calc = (org.apache.calcite.rel.core.Calc) rel;
            org.apache.calcite.rex.RexNode e = calc.getProgram().expandLocalRef(
                    calc.getProgram().getProjectList().get(field));
            return e instanceof org.apache.calcite.rex.RexInputRef
                    && isRowtime(calc.getInput(), ((org.apache.calcite.rex.RexInputRef) e).getIndex());
        }
        if (rel instanceof org.apache.calcite.rel.core.Filter) {
            return isRowtime(((org.apache.calcite.rel.core.Filter) rel).getInput(), field);
        }
        return TimeAttributes.isRowtime(rel, field);
    }

    private static String quote(ObjectIdentifier id) {
        return ExprRenderer.quote(id.catalog()) + "." + ExprRenderer.quote(id.database()) + "."
                + ExprRenderer.quote(id.object());
    }

    private static TableEnvironmentImpl impl(TableEnvironment env) {
        if (!(env instanceof TableEnvironmentImpl)) {
            throw new IllegalArgumentException("not a Sluice table environment: " + env.getClass().getName());
        }
        return (TableEnvironmentImpl) env;
    }
}
