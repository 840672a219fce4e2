package io.sluice.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Folds constant expressions at planning time with Calcite's executor, except those that cast to a
 * DECIMAL (Calcite truncates there, while Flink rounds HALF_UP) or from or to a TIMESTAMP(_LTZ) (Calcite
 * keeps milliseconds and prints no fraction digits): such expressions stay calls and the generated code
 * applies Flink's rule.
 */
final class FlinkCastRexExecutor implements RexExecutor {
    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        for (RexNode e : constExps) {
            if (castsToDecimal(e)) {
                reducedValues.add(e);
            } else {
                List<RexNode> one = new ArrayList<>(1);
                RexUtil.EXECUTOR.reduce(rexBuilder, List.of(e), one);
                reducedValues.add(one.get(0));
            }
        }
    }

    /**
     * Calcite folds casts from and to timestamps in milliseconds and prints them without Flink's fraction digits,
     * so these stay calls too.
     */
    private static boolean isTimestamp(org.apache.calcite.rel.type.RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.TIMESTAMP
                || t.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean castsToDecimal(RexNode e) {
        Boolean found = e.accept(new RexVisitorImpl<Boolean>(true) {
            @Override
            public Boolean visitCall(RexCall call) {
                if (call.getKind() == SqlKind.CAST && (call.getType().getSqlTypeName() == SqlTypeName.DECIMAL
                        || isTimestamp(call.getType()) || isTimestamp(call.getOperands().get(0).getType()))) {
                    return true;
                }
                for (RexNode operand : call.getOperands()) {
                    Boolean inner = operand.accept(this);
                    if (Boolean.TRUE.equals(inner)) {
                        return true;
                    }
                }
                return false;
            }
        });
        return Boolean.TRUE.equals(found);
    }
}
