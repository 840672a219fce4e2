package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.planner.rel.TemporalJoin;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.runtime.connector.LookupTableSource;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.LookupJoinOperator;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;

/**
 * Translates a processing-time {@link TemporalJoin} ({@code FOR SYSTEM_TIME AS OF} a {@code PROCTIME()}
 * attribute) whose right side scans a table with a {@link LookupTableSource} into a {@link LookupJoinOperator}:
 * each input row looks its key up in the table when it is processed. The right side may be the scan itself or
 * a projection of its columns; the equality conditions between input columns and table columns are the lookup
 * keys (at least one), the rest of the condition is evaluated on the joined pairs.
 */
public final class LookupJoinTranslator {
    private final CodeGenerator codegen;

    public LookupJoinTranslator(CodeGenerator codegen) {
        this.codegen = codegen;
    }

    /** The table scanned by the temporal side, when it is a plain (projected) scan; else null. */
    static TableScan lookupScan(RelNode right) {
        RelNode node = unwrap(right);
        if (node instanceof TableScan) {
            return node.getTable().unwrap(ConnectorTable.class) != null ? (TableScan) node : null;
        }
        if (node instanceof Project || (node instanceof Calc && ((Calc) node).getProgram().getCondition() == null)) {
            return projectedFields(node) == null ? null : lookupScan(node.getInput(0));
        }
        return null;
    }

    /** For each output field of a projection of input refs, the input field; null when one is computed. */
    private static int[] projectedFields(RelNode node) {
        int n = node.getRowType().getFieldCount();
        int[] out = new int[n];
        for (int f = 0; f < n; f++) {
            RexNode e;
            if (node instanceof Project) {
                e = ((Project) node).getProjects().get(f);
            } else {
                RexProgram program = ((Calc) node).getProgram();
                e = program.expandLocalRef(program.getProjectList().get(f));
            }
            if (!(e instanceof RexInputRef)) {
                return null;
            }
            out[f] = ((RexInputRef) e).getIndex();
        }
        return out;
    }

    /** For each field of {@code right}, the scanned table's physical column. */
    private static int[] scanFields(RelNode right) {
        RelNode node = unwrap(right);
        if (node instanceof TableScan) {
            int[] all = new int[node.getRowType().getFieldCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] below = scanFields(node.getInput(0));
        int[] mine = projectedFields(node);
        int[] out = new int[mine.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = below[mine[i]];
        }
        return out;
    }

    /**
     * The lookup join of {@code join}, whose right side {@link #lookupScan} found, scanning {@code scan} through
     * {@code source}; {@code input} is the transformation of its left input.
     */
    public Transformation translate(TemporalJoin join, TableScan scan, ScanTableSource source, Transformation input) {
        ConnectorTable table = scan.getTable().unwrap(ConnectorTable.class);
        if (!(source instanceof LookupTableSource)) {
            throw new UnsupportedFeatureException("processing-time temporal join with table " + table.identifier()
                    + ": its connector has no lookup source (Flink runs it only as a lookup join)");
        }
        if (!table.table().physicalRowType().equals(JobGraphGenerator.rowType(scan))) {
            throw new UnsupportedFeatureException("a lookup join with table " + table.identifier()
                    + " that has computed or metadata columns");
        }
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        RowType leftType = JobGraphGenerator.rowType(left);
        RowType rightOutType = JobGraphGenerator.rowType(right);
        RowType physical = table.table().physicalRowType();
        int[] rightFields = scanFields(right);
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<RexNode> nonEqui = new ArrayList<>();
        splitKeys(join.condition(), left.getRowType().getFieldCount(), leftKeys, rightKeys, nonEqui);
        if (leftKeys.isEmpty() && nonEqui.stream().anyMatch(c -> c.isA(org.apache.calcite.sql.SqlKind.EQUALS))) {
            throw new UnsupportedFeatureException("a lookup join whose keys are expressions (" + join.condition()
                    + "); compute the key in a view or subquery of the input and join on that column");
        }
        if (leftKeys.isEmpty()) {
            throw new ValidationException("Temporal table join requires an equality condition on fields of table "
                    + table.identifier() + ".");
        }
        int[] lk = new int[leftKeys.size()];
        int[] tk = new int[leftKeys.size()];
        for (int i = 0; i < lk.length; i++) {
            lk[i] = leftKeys.get(i);
            tk[i] = rightFields[rightKeys.get(i)];
            LogicalType l = leftType.type(lk[i]);
            LogicalType r = physical.type(tk[i]);
            boolean integral = l.root().isIntegral() && r.root().isIntegral();
            if (!integral && (ArrowTypes.vectorClass(l) != ArrowTypes.vectorClass(r)
                    || (l.root() == TypeRoot.DECIMAL && l.scale() != r.scale()))) {
                throw new UnsupportedFeatureException("a lookup join on keys of different types (" + l + " and " + r
                        + "); cast them to one type");
            }
        }
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        RexNode rest = RexUtil.composeConjunction(rexBuilder, nonEqui);
        org.apache.calcite.rel.type.RelDataType pairType = join.getCluster().getTypeFactory().builder()
                .addAll(left.getRowType().getFieldList()).addAll(right.getRowType().getFieldList())
                .uniquify().build();
        GeneratedClass<BatchPredicate> residual = rest.isAlwaysTrue() ? null : codegen.generatePredicate(
                "lookup join residual " + rest, pairType, RexUtil.expandSearch(rexBuilder, null, rest));
        JoinType type = join.joinType() == JoinRelType.LEFT ? JoinType.LEFT : JoinType.INNER;
        RowType outputType = JobGraphGenerator.rowType(join);
        List<String> lookupKeyNames = new ArrayList<>();
        for (int i = 0; i < tk.length; i++) {
            lookupKeyNames.add(physical.name(tk[i]) + "=" + leftType.name(lk[i]));
        }
        String name = "LookupJoin(table=[" + table.identifier() + "], joinType=["
                + (type == JoinType.LEFT ? "LeftOuterJoin" : "InnerJoin") + "], lookup=" + lookupKeyNames
                + (rest.isAlwaysTrue() ? "" : ", where=[" + rest + "]") + ", select=" + outputType.names() + ")";
        LookupTableSource lookup = (LookupTableSource) source;
        return new OperatorTransformation(name, List.of(input),
                () -> new LookupJoinOperator(type, leftType, physical, lk, tk, rightFields, lookup, residual,
                        outputType), outputType);
    }

    /**
     * Splits the join condition into lookup keys, {@code =} between an input field and a table field (either may
     * be cast from one integer type to another, as the validator does for keys of different integer types), and
     * the rest.
     */
    private static void splitKeys(RexNode condition, int leftCount, List<Integer> leftKeys, List<Integer> rightKeys,
            List<RexNode> rest) {
        for (RexNode c : RelOptUtil.conjunctions(condition)) {
            if (c.isA(org.apache.calcite.sql.SqlKind.EQUALS)) {
                List<RexNode> operands = ((org.apache.calcite.rex.RexCall) c).getOperands();
                int a = fieldOf(operands.get(0));
                int b = fieldOf(operands.get(1));
                if (a >= 0 && b >= 0 && (a < leftCount) != (b < leftCount)) {
                    leftKeys.add(Math.min(a, b));
                    rightKeys.add(Math.max(a, b) - leftCount);
                    continue;
                }
            }
            rest.add(c);
        }
    }

    /** The field of an input reference, or of an integer-to-integer cast of one; else -1. */
    private static int fieldOf(RexNode e) {
        if (e instanceof RexInputRef) {
            return ((RexInputRef) e).getIndex();
        }
        if (e.isA(org.apache.calcite.sql.SqlKind.CAST)) {
            RexNode operand = ((org.apache.calcite.rex.RexCall) e).getOperands().get(0);
            if (operand instanceof RexInputRef
                    && org.apache.calcite.sql.type.SqlTypeUtil.isIntType(operand.getType())
                    && org.apache.calcite.sql.type.SqlTypeUtil.isIntType(e.getType())) {
                return ((RexInputRef) operand).getIndex();
            }
        }
        return -1;
    }

    private static RelNode unwrap(RelNode rel) {
        return rel instanceof HepRelVertex ? ((HepRelVertex) rel).getCurrentRel() : rel;
    }
}
