package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.connector.BadRecords;
import io.sluice.runtime.connector.SupportsBadRecordRouting;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.LabelingOperator;
import io.sluice.runtime.operator.union.UnionOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bad records to a table (a Sluice addition): a source table with {@code 'sluice.bad-records.table'} hands every
 * record its format cannot decode, with its position and error, on its source's bad-records side output to a sink
 * writing the named table in the same job, instead of failing the job (or skipping the record with
 * {@code ignore-parse-errors}). The records go through the ordinary sink path, so they are committed with the job's
 * checkpoints like its main output. The table's columns are fixed ({@link BadRecords#TABLE_TYPE}) and checked when
 * the job is planned. The nodes come after every other node of the job, so adding the option leaves the derived state
 * identities of the other nodes as they were.
 */
final class BadRecordsRouting {
    private BadRecordsRouting() {
    }

    /** {@code sinks}, plus one sink per bad-records table named by a source table the job reads. */
    static List<SinkTransformation> attach(List<SinkTransformation> sinks, TableEnvironmentImpl env) {
        Map<ObjectIdentifier, List<Transformation>> byTarget = new LinkedHashMap<>();
        for (Transformation t : new JobGraph("bad-records", sinks).topologicalOrder()) {
            if (!(t instanceof SourceTransformation s) || s.badRecordsTable() == null) {
                continue;
            }
            String name = s.badRecordsTable().trim();
            if (name.isEmpty()) {
                throw new ValidationException("Option '" + BadRecords.TABLE_OPTION.key() + "' of table "
                        + s.tableName() + " is empty; name the table that receives its bad records.");
            }
            ObjectIdentifier id = env.catalogs().qualify(TableEnvironmentImpl.splitPath(name));
            badRecordsTable(env, id, s.tableName());
            if (!(s.source() instanceof SupportsBadRecordRouting routing)) {
                throw new UnsupportedFeatureException("option '" + BadRecords.TABLE_OPTION.key() + "' on table "
                        + s.tableName() + " (its source " + s.source().describe()
                        + " cannot route bad records)");
            }
            routing.applyBadRecordRouting();
            String table = s.tableName();
            byTarget.computeIfAbsent(id, k -> new ArrayList<>()).add(new OperatorTransformation(
                    "BadRecords(table=[" + table + "])", List.of(s), () -> new LabelingOperator(table, BadRecords.TABLE_TYPE),
                    BadRecords.TABLE_TYPE).consumingSideOutput(BadRecords.SIDE_OUTPUT));
        }
        if (byTarget.isEmpty()) {
            return sinks;
        }
        List<SinkTransformation> all = new ArrayList<>(sinks);
        for (Map.Entry<ObjectIdentifier, List<Transformation>> e : byTarget.entrySet()) {
            List<Transformation> labelled = e.getValue();
            Transformation rows = labelled.get(0);
            if (labelled.size() > 1) {
                int n = labelled.size();
                rows = new OperatorTransformation("Union(all=[true], union=[" + String.join(", ", BadRecords.COLUMNS)
                        + "])", labelled, () -> new UnionOperator(n, BadRecords.TABLE_TYPE), BadRecords.TABLE_TYPE);
            }
            CatalogTable table = (CatalogTable) env.catalogs().getObject(e.getKey()).orElseThrow();
            all.add(env.insertOnlySink(e.getKey(), table, rows));
        }
        return all;
    }

    /** The bad-records table {@code id}, checked: it exists, is a table, and has exactly the bad-record columns. */
    private static CatalogTable badRecordsTable(TableEnvironmentImpl env, ObjectIdentifier id, String source) {
        String what = "The bad-records table " + id + " (option '" + BadRecords.TABLE_OPTION.key() + "' of table "
                + source + ")";
        Optional<Object> o = env.catalogs().getObject(id);
        if (o.isEmpty()) {
            throw new ValidationException(what + " does not exist." + NameSuggestions.didYouMean(id.object(),
                    env.catalogs().listObjects(id.catalog(), id.database()))
                    + " Create it with the columns (" + BadRecords.DDL + ").");
        }
        if (!(o.get() instanceof CatalogTable table)) {
            throw new ValidationException(what + " is a view; it must be a table with the columns ("
                    + BadRecords.DDL + ").");
        }
        RowType actual = table.physicalRowType();
        RowType expected = BadRecords.TABLE_TYPE;
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
            throw new ValidationException(what + " must have exactly the columns (" + BadRecords.DDL
                    + "), in this order: " + problem + ".");
        }
        return table;
    }

    private static boolean sameType(LogicalType actual, LogicalType expected) {
        return actual.root() == expected.root() && actual.precision() == expected.precision();
    }
}
