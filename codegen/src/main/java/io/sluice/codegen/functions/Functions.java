package io.sluice.codegen.functions;

import io.sluice.codegen.expr.GenExpr;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/** Small helpers shared by function generators. */
final class Functions {
    static final String SR = "io.sluice.codegen.runtime.StringRuntime";
    static final String PR = "io.sluice.codegen.runtime.PatternRuntime";
    static final String DT = "io.sluice.codegen.runtime.DateTimeRuntime";

    private Functions() {
    }

    /** The value of a non-null string constant, or null. */
    static String constantString(GenExpr e) {
        return e.literal() instanceof String ? (String) e.literal() : null;
    }

    /** The enum value of a flag (symbol) operand, e.g. a TRIM flag or a time unit. */
    static <E extends Enum<E>> E symbol(RexCall call, int index, Class<E> type) {
        RexNode n = call.getOperands().get(index);
        return ((RexLiteral) n).getValueAs(type);
    }

    static boolean isSymbol(RexNode n) {
        return n instanceof RexLiteral && ((RexLiteral) n).getTypeName() == org.apache.calcite.sql.type.SqlTypeName.SYMBOL;
    }
}
