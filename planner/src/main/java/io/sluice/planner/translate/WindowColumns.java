package io.sluice.planner.translate;

import io.sluice.planner.functions.WindowTableFunctions;
import io.sluice.runtime.operator.window.WindowSpec;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;

/** Recognizes window table functions and the window columns ({@code window_start/end/time}) they add. */
public final class WindowColumns {
    /** Which window column a field is. */
    public enum Kind {
        START,
        END,
        TIME
    }

    private WindowColumns() {
    }

    public static boolean isWindowFunction(TableFunctionScan scan) {
        if (!(scan.getCall() instanceof RexCall) || scan.getInputs().size() != 1) {
            return false;
        }
        SqlOperator op = ((RexCall) scan.getCall()).getOperator();
        return op == WindowTableFunctions.TUMBLE || op == WindowTableFunctions.HOP || op == WindowTableFunctions.CUMULATE
                || op == WindowTableFunctions.SESSION;
    }

    public static boolean isSession(RexCall call) {
        return call.getOperator() == WindowTableFunctions.SESSION;
    }

    /** The partition key columns of a SESSION call (its second DESCRIPTOR), possibly none. */
    public static int[] sessionKeys(RexCall call) {
        int seen = 0;
        for (RexNode operand : call.getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR && seen++ == 1) {
                return ((RexCall) operand).getOperands().stream()
                        .mapToInt(o -> ((RexInputRef) o).getIndex()).toArray();
            }
        }
        return new int[0];
    }

    /** The gap of a SESSION call in milliseconds. */
    public static long sessionGap(RexCall call) {
        RexNode last = call.getOperands().get(call.getOperands().size() - 1);
        BigDecimal millis = last instanceof RexLiteral ? ((RexLiteral) last).getValueAs(BigDecimal.class) : null;
        if (millis == null) {
            throw new UnsupportedFeatureException("a non-constant SESSION gap: " + last);
        }
        return millis.longValueExact();
    }

    /** The input column named by the call's {@code DESCRIPTOR}. */
    public static int timeField(RexCall call) {
        for (RexNode operand : call.getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                List<RexNode> columns = ((RexCall) operand).getOperands();
                if (columns.size() != 1 || !(columns.get(0) instanceof RexInputRef)) {
                    throw new UnsupportedFeatureException("a window DESCRIPTOR of " + columns.size() + " columns");
                }
                RexInputRef ref = (RexInputRef) columns.get(0);
                if (ref.getType().getPrecision() > 3) {
                    // time attributes (and what windows count in) are milliseconds, as in Flink
                    throw new io.sluice.table.api.ValidationException("The window function requires the timecol "
                            + "to be a time attribute of type TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p <= 3, but it is "
                            + io.sluice.codegen.RelTypes.toLogicalType(ref.getType()).typeName() + ".");
                }
                return ref.getIndex();
            }
        }
        throw new UnsupportedFeatureException("a window table function without DESCRIPTOR: " + call);
    }

    /** The windows of a TUMBLE / HOP / CUMULATE call, from its interval arguments. */
    public static WindowSpec spec(RexCall call) {
        List<Long> intervals = new java.util.ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            if (operand.getKind() == SqlKind.DESCRIPTOR) {
                continue;
            }
            if (!(operand instanceof RexLiteral)) {
                throw new UnsupportedFeatureException("a non-constant window size: " + operand);
            }
            BigDecimal millis = ((RexLiteral) operand).getValueAs(BigDecimal.class);
            if (millis == null || operand.getType().getSqlTypeName().getFamily()
                    != org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME) {
                throw new UnsupportedFeatureException("window sizes other than DAY TO SECOND intervals: " + operand);
            }
            intervals.add(millis.longValueExact());
        }
        SqlOperator op = call.getOperator();
        if (op == WindowTableFunctions.TUMBLE) {
            return WindowSpec.tumble(intervals.get(0), intervals.size() > 1 ? intervals.get(1) : 0);
        }
        long offset = intervals.size() > 2 ? intervals.get(2) : 0;
        if (op == WindowTableFunctions.HOP) {
            return WindowSpec.hop(intervals.get(0), intervals.get(1), offset);
        }
        return WindowSpec.cumulate(intervals.get(0), intervals.get(1), offset);
    }

    /**
     * For an aggregate grouping on both {@code window_start} and {@code window_end} of a window table
     * function (Flink's window aggregation), the index of the {@code window_end} input field; else -1.
     */
    public static int windowEndGroupField(Aggregate agg) {
        int end = -1;
        boolean start = false;
        for (int field : agg.getGroupSet()) {
            Kind k = trace(agg.getInput(), field);
            if (k == Kind.END) {
                end = field;
            } else if (k == Kind.START) {
                start = true;
            }
        }
        return start ? end : -1;
    }

    /**
     * The group fields of a window aggregate ({@link #windowEndGroupField} is not -1) that have one value per
     * {@code window_end}: {@code window_end}, {@code window_time} and, unless the windows are sessions (whose
     * starts differ between keys), {@code window_start}.
     */
    public static int[] paneConstantGroupFields(Aggregate agg) {
        List<Integer> fields = new ArrayList<>();
        for (int field : agg.getGroupSet()) {
            Origin o = origin(agg.getInput(), field);
            if (o != null && (o.kind != Kind.START || !isSession((RexCall) o.scan.getCall()))) {
                fields.add(field);
            }
        }
        return fields.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A window column and the window table function that adds it. */
    private record Origin(TableFunctionScan scan, Kind kind) {
    }

    /** Which window column field {@code field} of {@code rel} passes through unchanged, or null. */
    public static Kind trace(RelNode rel, int field) {
        Origin o = origin(rel, field);
        return o == null ? null : o.kind;
    }

    private static Origin origin(RelNode rel, int field) {
        if (rel instanceof TableFunctionScan) {
            TableFunctionScan scan = (TableFunctionScan) rel;
            if (!isWindowFunction(scan)) {
                return null;
            }
            int base = scan.getInputs().get(0).getRowType().getFieldCount();
            Kind kind = field == base ? Kind.START : field == base + 1 ? Kind.END : field == base + 2 ? Kind.TIME : null;
            return kind == null ? null : new Origin(scan, kind);
        }
        if (rel instanceof Filter) {
            return origin(((Filter) rel).getInput(), field);
        }
        if (rel instanceof Aggregate) {
            // a window aggregate's output keeps the window columns it grouped by (a cascade of windows)
            Aggregate agg = (Aggregate) rel;
            if (field < agg.getGroupCount() && windowEndGroupField(agg) >= 0) {
                return origin(agg.getInput(), agg.getGroupSet().nth(field));
            }
            return null;
        }
        if (rel instanceof Project) {
            RexNode e = ((Project) rel).getProjects().get(field);
            return e instanceof RexInputRef ? origin(((Project) rel).getInput(), ((RexInputRef) e).getIndex()) : null;
        }
        if (rel instanceof Calc) {
            Calc calc = (Calc) rel;
            RexNode e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
            return e instanceof RexInputRef ? origin(calc.getInput(), ((RexInputRef) e).getIndex()) : null;
        }
        if (rel instanceof org.apache.calcite.plan.hep.HepRelVertex) {
            return origin(((org.apache.calcite.plan.hep.HepRelVertex) rel).getCurrentRel(), field);
        }
        return null;
    }
}
