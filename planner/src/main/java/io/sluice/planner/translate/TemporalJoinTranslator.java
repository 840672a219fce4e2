package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.planner.rel.TemporalJoin;
import io.sluice.planner.rel.RowtimeAssigner;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.TemporalJoinOperator;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans a {@link TemporalJoin}: {@link #lookupScan} finds a processing-time join against a table with a lookup
 * source (a lookup join, see {@link LookupJoinTranslator}); {@link #validate} makes the checks Flink makes for an
 * event-time temporal join, with Flink's messages: batch mode rejects temporal joins; the period must be the left
 * side's rowtime attribute; the versioned side needs a primary key (a table's, or the key of a view that keeps the
 * last row per key ordered by rowtime) contained in the equi-join keys, and a rowtime attribute of the same type as
 * the left one. A {@code Snapshot} left in the plan (e.g. {@code AS OF} a constant) is rejected ({@link #reject}).
 * {@link #translate} builds the {@link TemporalJoinOperator} of the physical node.
 */
public final class TemporalJoinTranslator {
    private static final String AS_OF_LEFT_TIME = "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF'"
            + " left table's time attribute field";

    private TemporalJoinTranslator() {
    }

    /**
     * What an event-time temporal join joins on: the equi-join keys of each side, the rest of the condition (over
     * the left then the right fields), the versioned side's rowtime attribute and primary key.
     */
    public record Analysis(int[] leftKeys, int[] rightKeys, RexNode residual, int rightTimeField, int[] primaryKey) {
    }

    /** The table a processing-time temporal join looks its rows up in (a lookup join), or null. */
    public static TableScan lookupScan(TemporalJoin join) {
        return TimeAttributes.isProctime(join.getLeft(), join.leftTimeField())
                ? LookupJoinTranslator.lookupScan(join.getRight()) : null;
    }

    /** The error for a temporal join or snapshot that is none of the supported forms in this mode. */
    public static RuntimeException reject(boolean streaming) {
        return streaming ? new ValidationException(AS_OF_LEFT_TIME) : new TableException("Temporal joins (FOR"
                + " SYSTEM_TIME AS OF) on regular tables are not supported in batch mode. Use a lookup join or switch"
                + " to streaming mode.");
    }

    /** Checks an event-time temporal join (streaming mode, over its logical inputs) and returns what it joins on. */
    public static Analysis validate(TemporalJoin join) {
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        int leftTime = join.leftTimeField();
        if (!isRowtime(left, leftTime)) {
            if (TimeAttributes.isProctime(left, leftTime)) {
                throw new UnsupportedFeatureException("processing-time temporal join (FOR SYSTEM_TIME AS OF a"
                        + " PROCTIME() attribute); Flink runs it only as a lookup join against a lookup source");
            }
            throw new ValidationException(AS_OF_LEFT_TIME);
        }
        RowType leftType = JobGraphGenerator.rowType(left);
        RowType rightType = JobGraphGenerator.rowType(right);
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEqui = new ArrayList<>();
        RelOptUtil.splitJoinCondition(left, right, join.condition(), leftKeys, rightKeys, filterNulls, nonEqui);
        int[] primaryKey = uniqueKey(right);
        if (primaryKey == null) {
            throw new ValidationException("Temporal Table Join requires primary key in versioned table, but no primary"
                    + " key can be found. The physical plan is:\n" + RelOptUtil.toString(join));
        }
        for (int k : primaryKey) {
            if (!rightKeys.contains(k)) {
                throw new ValidationException("Temporal table's primary key " + names(rightType, primaryKey)
                        + " must be included in the equivalence condition of temporal join, but current temporal"
                        + " join condition is " + describeKeys(leftType, rightType, leftKeys, rightKeys) + ".");
            }
        }
        int rightTime = rowtimeField(right);
        if (rightTime < 0) {
            throw new ValidationException("Event-Time Temporal Table Join requires both primary key and row time"
                    + " attribute in versioned table, but no row time attribute can be found.");
        }
        if (leftType.type(leftTime).root() != rightType.type(rightTime).root()) {
            throw new ValidationException("Event-Time Temporal Table Join requires same rowtime type in left table and"
                    + " versioned table, but the rowtime types are " + leftType.type(leftTime) + " *ROWTIME* and "
                    + rightType.type(rightTime) + " *ROWTIME*.");
        }
        if (filterNulls.contains(false)) {
            throw new UnsupportedFeatureException("IS NOT DISTINCT FROM in a temporal join condition");
        }
        int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
        int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < lk.length; i++) {
            LogicalType l = leftType.type(lk[i]);
            LogicalType r = rightType.type(rk[i]);
            if (ArrowTypes.vectorClass(l) != ArrowTypes.vectorClass(r)
                    || (l.root() == TypeRoot.DECIMAL && l.scale() != r.scale())) {
                throw new UnsupportedFeatureException("a temporal join on keys of different types (" + l + " and " + r
                        + "); cast them to one type");
            }
        }
        RexNode rest = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), nonEqui);
        return new Analysis(lk, rk, rest, rightTime, primaryKey);
    }

    /**
     * The {@link TemporalJoinOperator} of an event-time temporal join of {@code left} and {@code right} (whose
     * transformations are {@code l} and {@code r}) on {@code condition}, as {@link #validate} analysed it;
     * {@code versions} says where the versions come from when the right input is not the versioned side as written
     * (see {@link DeduplicatedVersions}; null otherwise).
     */
    public static Transformation translate(CodeGenerator codegen, RelNode join, RelNode left, RelNode right,
            RexNode condition, JoinRelType joinType, int leftTime, Analysis analysis, String versions, Transformation l,
            Transformation r) {
        RowType leftType = JobGraphGenerator.rowType(left);
        RowType rightType = JobGraphGenerator.rowType(right);
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        RexNode rest = analysis.residual();
        org.apache.calcite.rel.type.RelDataType pairType = join.getCluster().getTypeFactory().builder()
                .addAll(left.getRowType().getFieldList()).addAll(right.getRowType().getFieldList())
                .uniquify().build();
        GeneratedClass<BatchPredicate> residual = rest.isAlwaysTrue() ? null : codegen.generatePredicate(
                "temporal join residual " + rest, pairType, RexUtil.expandSearch(rexBuilder, null, rest));
        JoinType type = joinType == JoinRelType.LEFT ? JoinType.LEFT : JoinType.INNER;
        RowType outputType = JobGraphGenerator.rowType(join);
        int rightTime = analysis.rightTimeField();
        int[] lk = analysis.leftKeys();
        int[] rk = analysis.rightKeys();
        String name = "TemporalJoin(joinType=[" + (type == JoinType.LEFT ? "LeftOuterJoin" : "InnerJoin")
                + "], where=[" + condition + "], leftTimeAttribute=[" + leftType.name(leftTime)
                + "], rightTimeAttribute=[" + rightType.name(rightTime) + "], primaryKey="
                + names(rightType, analysis.primaryKey()) + (versions == null ? "" : ", versions=[" + versions + "]")
                + ")";
        return new OperatorTransformation(name, List.of(l, r),
                () -> new TemporalJoinOperator(type, leftType, rightType, lk, rk, leftTime, rightTime, residual,
                        outputType), outputType);
    }

    private static String names(RowType type, int[] fields) {
        return Arrays.toString(Arrays.stream(fields).mapToObj(type::name).toArray());
    }

    private static String describeKeys(RowType left, RowType right, List<Integer> leftKeys, List<Integer> rightKeys) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            pairs.add(left.name(leftKeys.get(i)) + "=" + right.name(rightKeys.get(i)));
        }
        return pairs.toString();
    }

    /** The first rowtime attribute among {@code rel}'s fields, or -1. */
    private static int rowtimeField(RelNode rel) {
        for (int f = 0; f < rel.getRowType().getFieldCount(); f++) {
            if (isRowtime(rel, f)) {
                return f;
            }
        }
        return -1;
    }

    /** Whether a field is a rowtime attribute; like {@link TimeAttributes#isRowtime}, and through OVER windows. */
    private static boolean isRowtime(RelNode rel, int field) {
        RelNode node = unwrap(rel);
        if (node instanceof Window) {
            Window w = (Window) node;
            return field < w.getInput().getRowType().getFieldCount() && isRowtime(w.getInput(), field);
        }
        int source = passThrough(node, field);
        if (source >= 0 && !(node instanceof RowtimeAssigner)) {
            return isRowtime(node.getInput(0), source);
        }
        return TimeAttributes.isRowtime(node, field);
    }

    /**
     * The primary key of a versioned table: a scanned table's declared key, or the partition key of a
     * deduplication that keeps one row per key ({@code ROW_NUMBER() ... = 1}), followed through projections
     * and filters; null when there is none.
     */
    private static int[] uniqueKey(RelNode rel) {
        RelNode node = unwrap(rel);
        if (node instanceof TableScan) {
            ConnectorTable table = node.getTable().unwrap(ConnectorTable.class);
            if (table == null || table.table().primaryKey() == null || table.table().primaryKey().isEmpty()) {
                return null;
            }
            List<String> fieldNames = node.getRowType().getFieldNames();
            int[] key = new int[table.table().primaryKey().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = fieldNames.indexOf(table.table().primaryKey().get(i));
                if (key[i] < 0) {
                    return null;
                }
            }
            return key;
        }
        if (node instanceof RowtimeAssigner || node instanceof Filter) {
            return uniqueKey(node.getInput(0));
        }
        if (node instanceof Calc && unwrap(node.getInput(0)) instanceof Window) {
            int[] key = deduplicationKey((Calc) node);
            if (key != null) {
                return mapThrough(node, key);
            }
        }
        if (node instanceof Project || node instanceof Calc) {
            if (node instanceof Calc && ((Calc) node).getProgram().getCondition() != null
                    && unwrap(node.getInput(0)) instanceof Window) {
                return null;
            }
            int[] inputKey = uniqueKey(node.getInput(0));
            return inputKey == null ? null : mapThrough(node, inputKey);
        }
        return null;
    }

    /** The partition fields of a ROW_NUMBER window filtered to rank 1 by {@code calc}, or null. */
    private static int[] deduplicationKey(Calc calc) {
        RexProgram program = calc.getProgram();
        Window window = (Window) unwrap(calc.getInput());
        if (program.getCondition() == null || window.groups.size() != 1
                || window.groups.get(0).aggCalls.size() != 1
                || window.groups.get(0).aggCalls.get(0).getOperator().getKind() != SqlKind.ROW_NUMBER) {
            return null;
        }
        int rankField = window.getInput().getRowType().getFieldCount();
        RankRange range = RankRange.of(calc.getCluster().getRexBuilder(),
                program.expandLocalRef(program.getCondition()), rankField);
        if (range == null || range.start != 1 || range.end != 1) {
            return null;
        }
        return window.groups.get(0).keys.toArray();
    }

    /** The output fields of a projection that pass {@code inputFields} through unchanged, or null if one is lost. */
    private static int[] mapThrough(RelNode node, int[] inputFields) {
        int[] out = new int[inputFields.length];
        for (int i = 0; i < inputFields.length; i++) {
            out[i] = -1;
            for (int f = 0; f < node.getRowType().getFieldCount() && out[i] < 0; f++) {
                if (passThrough(node, f) == inputFields[i]) {
                    out[i] = f;
                }
            }
            if (out[i] < 0) {
                return null;
            }
        }
        return out;
    }

    /** The input field a projection / filter / watermark assigner passes to output field {@code field}, or -1. */
    private static int passThrough(RelNode node, int field) {
        RexNode e;
        if (node instanceof Project) {
            e = ((Project) node).getProjects().get(field);
        } else if (node instanceof Calc) {
            RexProgram program = ((Calc) node).getProgram();
            e = program.expandLocalRef(program.getProjectList().get(field));
        } else if (node instanceof Filter || node instanceof RowtimeAssigner) {
            return field;
        } else {
            return -1;
        }
        return e instanceof RexInputRef ? ((RexInputRef) e).getIndex() : -1;
    }

    private static RelNode unwrap(RelNode rel) {
        return rel instanceof HepRelVertex ? ((HepRelVertex) rel).getCurrentRel() : rel;
    }
}
