package io.sluice.planner.translate;

import io.sluice.planner.rel.RowtimeAssigner;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Streaming analysis of time attributes: whether a field is a rowtime attribute, i.e. the column a
 * {@code WATERMARK FOR} clause declared (or a window's {@code window_time}), passed through
 * projections and filters unchanged.
 */
public final class TimeAttributes {
    private TimeAttributes() {
    }

    public static boolean isRowtime(RelNode rel, int field) {
        if (rel instanceof HepRelVertex) {
            return isRowtime(((HepRelVertex) rel).getCurrentRel(), field);
        }
        if (rel instanceof RowtimeAssigner) {
            return ((RowtimeAssigner) rel).rowtimeField() == field;
        }
        if (rel instanceof TableFunctionScan && WindowColumns.isWindowFunction((TableFunctionScan) rel)) {
            int inputFields = ((TableFunctionScan) rel).getInputs().get(0).getRowType().getFieldCount();
            return field == inputFields + 2 || (field < inputFields
                    && isRowtime(((TableFunctionScan) rel).getInputs().get(0), field));
        }
        if (rel instanceof Filter) {
            return isRowtime(((Filter) rel).getInput(), field);
        }
        if (rel instanceof org.apache.calcite.rel.core.Match) {
            return MatchTranslator.isMatchRowtime((org.apache.calcite.rel.core.Match) rel, field);
        }
        if (rel instanceof org.apache.calcite.rel.core.Join) {
            return IntervalJoinTranslator.keepsRowtime((org.apache.calcite.rel.core.Join) rel, field);
        }
        if (rel instanceof Project) {
            RexNode e = ((Project) rel).getProjects().get(field);
            return e instanceof RexInputRef && isRowtime(((Project) rel).getInput(), ((RexInputRef) e).getIndex());
        }
        if (rel instanceof Calc) {
            Calc calc = (Calc) rel;
            RexNode e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return e instanceof RexInputRef && isRowtime(calc.getInput(), ((RexInputRef) e).getIndex());
        }
        return false;
    }

    /** Whether a field is a processing-time attribute: a {@code PROCTIME()} column passed through unchanged. */
    public static boolean isProctime(RelNode rel, int field) {
        if (rel instanceof HepRelVertex) {
            return isProctime(((HepRelVertex) rel).getCurrentRel(), field);
        }
        if (rel instanceof RowtimeAssigner || rel instanceof Filter) {
            return isProctime(rel.getInput(0), field);
        }
        RexNode e;
        RelNode input;
        if (rel instanceof Project) {
            e = ((Project) rel).getProjects().get(field);
            input = ((Project) rel).getInput();
        } else if (rel instanceof Calc) {
            Calc calc = (Calc) rel;
            e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            input = calc.getInput();
        } else {
            return false;
        }
        if (e instanceof org.apache.calcite.rex.RexCall
                && ((org.apache.calcite.rex.RexCall) e).getOperator().getName().equals("PROCTIME")) {
            return true;
        }
        return e instanceof RexInputRef && isProctime(input, ((RexInputRef) e).getIndex());
    }

    /**
     * Whether a field may be a window's time column in streaming mode: a rowtime or processing-time attribute, or
     * such an attribute passed through the grouping keys of an aggregation (a window's {@code window_time} after a
     * window aggregation).
     */
    public static boolean isTimeAttribute(RelNode rel, int field) {
        if (isRowtime(rel, field) || isProctime(rel, field)) {
            return true;
        }
        if (rel instanceof HepRelVertex) {
            return isTimeAttribute(((HepRelVertex) rel).getCurrentRel(), field);
        }
        if (rel instanceof org.apache.calcite.rel.core.Aggregate agg) {
            return field < agg.getGroupCount() && agg.getGroupSets().size() == 1
                    && isTimeAttribute(agg.getInput(), agg.getGroupSet().nth(field));
        }
        if (rel instanceof Filter) {
            return isTimeAttribute(((Filter) rel).getInput(), field);
        }
        if (rel instanceof Project) {
            RexNode e = ((Project) rel).getProjects().get(field);
            return e instanceof RexInputRef && isTimeAttribute(((Project) rel).getInput(), ((RexInputRef) e).getIndex());
        }
        if (rel instanceof Calc) {
            Calc calc = (Calc) rel;
            RexNode e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return e instanceof RexInputRef && isTimeAttribute(calc.getInput(), ((RexInputRef) e).getIndex());
        }
        return false;
    }
}
