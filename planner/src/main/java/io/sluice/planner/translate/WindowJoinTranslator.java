package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.window.WindowJoinOperator;
import io.sluice.runtime.operator.window.WindowSpec;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Recognizes Flink's window join: a streaming join of two window table function outputs (directly, or
 * through projections, filters and window aggregations that keep {@code window_start}/{@code window_end})
 * whose condition holds {@code L.window_start = R.window_start AND L.window_end = R.window_end}, and
 * translates it into a {@link WindowJoinOperator} (insert-only output, state dropped when a window fires).
 * Both inputs must use the same TUMBLE, HOP or CUMULATE window, else the join is rejected as Flink rejects
 * it; an equality on only one of the two window columns is rejected too. Two SESSION windows of the same gap
 * join too (Flink has no session window join): a session's rows reach the join when the session closes, before
 * the watermark that closed it, so the join's watermark passing {@code window_end} still means both sides'
 * sessions with that end have arrived. Inputs whose window columns cannot be traced run as a regular join. INNER, LEFT, RIGHT, FULL, SEMI and ANTI joins
 * qualify; the other conjuncts give the equi-join keys and a residual condition.
 */
public final class WindowJoinTranslator {
    private final CodeGenerator codegen;

    public WindowJoinTranslator(CodeGenerator codegen) {
        this.codegen = codegen;
    }

    /** A window column of an input traced to the window table function that produced it. */
    record Traced(WindowColumns.Kind kind, TableFunctionScan scan) {
    }

    /** What the analysis of a window join condition found (fields of each input). */
    private record Analysis(int leftStart, int leftEnd, int rightStart, int rightEnd, String window,
            List<RexNode> remaining) {
    }

    /** Whether {@code join} is a window join (throws, as Flink does, for a window join it cannot run). */
    public static boolean isWindowJoin(Join join) {
        return JoinConditions.joinType(join.getJoinType()) != null && analyze(join) != null;
    }

    /**
     * The streaming translation of {@code join} as a window join, with {@code left} and {@code right} its
     * translated inputs; null when the join is not a window join.
     */
    public Transformation translate(Join join, Transformation left, Transformation right) {
        JoinType type = JoinConditions.joinType(join.getJoinType());
        if (type == null) {
            return null;
        }
        Analysis a = analyze(join);
        if (a == null) {
            return null;
        }
        RelNode l = join.getLeft();
        RelNode r = join.getRight();
        RowType leftType = JobGraphGenerator.rowType(l);
        RowType rightType = JobGraphGenerator.rowType(r);
        RowType outputType = JobGraphGenerator.rowType(join);
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), a.remaining());
        JoinConditions.Split split = JoinConditions.split(join, remaining, leftType, rightType, codegen,
                "window join residual");
        int[] lk = split.leftKeys();
        int[] rk = split.rightKeys();
        boolean[] nullSafe = split.nullSafe();
        GeneratedClass<BatchPredicate> residualClass = split.residual();
        String name = "WindowJoin(leftWindow=[" + describe(a.window(), leftType, a.leftStart(), a.leftEnd())
                + "], rightWindow=[" + describe(a.window(), rightType, a.rightStart(), a.rightEnd())
                + "], joinType=[" + type + "], where=[" + remaining + "])";
        int leftEnd = a.leftEnd();
        int rightEnd = a.rightEnd();
        InputPartitioning lp = lk.length == 0 ? InputPartitioning.single() : InputPartitioning.hash(lk);
        InputPartitioning rp = rk.length == 0 ? InputPartitioning.single() : InputPartitioning.hash(rk);
        return new OperatorTransformation(name, List.of(left, right),
                () -> new WindowJoinOperator(type, leftType, rightType, lk, rk, nullSafe, leftEnd, rightEnd,
                        residualClass, outputType), outputType)
                .withLateRowOutput().withInputPartitioning(0, lp).withInputPartitioning(1, rp)
                .withChangelogMode(ChangelogMode.insertOnly());
    }

    /** Flink's text for a window: {@code TUMBLE(win_start=[ws], win_end=[we], size=[...])}. */
    static String describe(WindowSpec spec, RowType type, int start, int end) {
        return describe(spec.toString(), type, start, end);
    }

    /** {@link #describe(WindowSpec, RowType, int, int)} for a window given as its EXPLAIN text. */
    static String describe(String text, RowType type, int start, int end) {
        int open = text.indexOf('(');
        return text.substring(0, open + 1) + "win_start=[" + type.name(start) + "], win_end=[" + type.name(end)
                + "], " + text.substring(open + 1);
    }

    /**
     * The window columns the condition equates and the window spec, or null when {@code join} is not a
     * window join. Throws, as Flink does, when both window columns are equated across windowed inputs of
     * different specs, or when only one of them is.
     */
    private static Analysis analyze(Join join) {
        int leftFields = join.getLeft().getRowType().getFieldCount();
        int[] starts = null;
        int[] ends = null;
        TableFunctionScan leftScan = null;
        TableFunctionScan rightScan = null;
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
            int[] pair = equalFields(conjunct, leftFields);
            Traced lt = pair == null ? null : trace(join.getLeft(), pair[0]);
            Traced rt = pair == null ? null : trace(join.getRight(), pair[1]);
            if (lt == null || rt == null || lt.kind() != rt.kind() || lt.kind() == WindowColumns.Kind.TIME
                    || (lt.kind() == WindowColumns.Kind.START ? starts : ends) != null) {
                remaining.add(conjunct);
                continue;
            }
            if (lt.kind() == WindowColumns.Kind.START) {
                starts = pair;
            } else {
                ends = pair;
            }
            leftScan = lt.scan();
            rightScan = rt.scan();
        }
        if (starts == null && ends == null) {
            return null;
        }
        RexCall leftCall = (RexCall) leftScan.getCall();
        RexCall rightCall = (RexCall) rightScan.getCall();
        if (starts == null || ends == null) {
            throw new TableException("Currently, window join requires JOIN ON condition must contain both window "
                    + "starts equality of input tables and window ends equality of input tables.\n"
                    + "But the current JOIN ON condition is " + join.getCondition() + ".");
        }
        String leftWindow = windowText(leftCall);
        String rightWindow = windowText(rightCall);
        if (!leftWindow.equals(rightWindow)) {
            throw new TableException("Currently, window join doesn't support different window table function of "
                    + "left and right inputs.\nThe left window table function is " + leftWindow
                    + ".\nThe right window table function is " + rightWindow + ".");
        }
        return new Analysis(starts[0], ends[0], starts[1], ends[1], leftWindow, remaining);
    }

    /**
     * The window of a window table function call as EXPLAIN shows it: {@code TUMBLE(size=[...])} and the like, or
     * {@code SESSION(gap=[n ms])} (partition keys left out: each side names its own).
     */
    private static String windowText(RexCall call) {
        return WindowColumns.isSession(call) ? "SESSION(gap=[" + WindowColumns.sessionGap(call) + " ms])"
                : WindowColumns.spec(call).toString();
    }

    /** For {@code $left = $right} (either order): {@code {leftField, rightField}} of each input; else null. */
    private static int[] equalFields(RexNode conjunct, int leftFields) {
        if (conjunct.getKind() != SqlKind.EQUALS) {
            return null;
        }
        List<RexNode> operands = ((RexCall) conjunct).getOperands();
        if (!(operands.get(0) instanceof RexInputRef) || !(operands.get(1) instanceof RexInputRef)) {
            return null;
        }
        int a = ((RexInputRef) operands.get(0)).getIndex();
        int b = ((RexInputRef) operands.get(1)).getIndex();
        if (a < leftFields && b >= leftFields) {
            return new int[] {a, b - leftFields};
        }
        if (b < leftFields && a >= leftFields) {
            return new int[] {b, a - leftFields};
        }
        return null;
    }

    /**
     * Which window column field {@code field} of {@code rel} passes through unchanged, with the window
     * table function that produced it; null when it is not a window column.
     */
    static Traced trace(RelNode rel, int field) {
        if (rel instanceof HepRelVertex) {
            return trace(((HepRelVertex) rel).getCurrentRel(), field);
        }
        if (rel instanceof TableFunctionScan) {
            TableFunctionScan scan = (TableFunctionScan) rel;
            WindowColumns.Kind kind = WindowColumns.trace(scan, field);
            return kind == null ? null : new Traced(kind, scan);
        }
        if (rel instanceof Filter) {
            return trace(((Filter) rel).getInput(), field);
        }
        if (rel instanceof Aggregate) {
            Aggregate agg = (Aggregate) rel;
            if (field < agg.getGroupCount() && WindowColumns.windowEndGroupField(agg) >= 0) {
                return trace(agg.getInput(), agg.getGroupSet().nth(field));
            }
            return null;
        }
        if (rel instanceof Project) {
            RexNode e = ((Project) rel).getProjects().get(field);
            return e instanceof RexInputRef ? trace(((Project) rel).getInput(), ((RexInputRef) e).getIndex()) : null;
        }
        if (rel instanceof Calc) {
            Calc calc = (Calc) rel;
            RexNode e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return e instanceof RexInputRef ? trace(calc.getInput(), ((RexInputRef) e).getIndex()) : null;
        }
        return null;
    }
}
