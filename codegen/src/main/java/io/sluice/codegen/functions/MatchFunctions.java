package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MATCH_ROWTIME([rowtime]) and MATCH_PROCTIME(): the time attributes of a MATCH_RECOGNIZE match. They are valid
 * only in its MEASURES, where the planner replaces them by values the pattern operator computes, so no code is
 * generated for them.
 */
public final class MatchFunctions implements BuiltInFunction {
    /** TIMESTAMP(3) without an operand, else the operand's type (a rowtime attribute). */
    public static final SqlFunction MATCH_ROWTIME = new SqlFunction("MATCH_ROWTIME", SqlKind.OTHER_FUNCTION,
            opBinding -> opBinding.getOperandCount() == 0
                    ? opBinding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3)
                    : opBinding.getOperandType(0),
            null, OperandTypes.or(OperandTypes.NILADIC, OperandTypes.DATETIME), SqlFunctionCategory.MATCH_RECOGNIZE) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    /** TIMESTAMP_LTZ(3) NOT NULL, a processing-time attribute. */
    public static final SqlFunction MATCH_PROCTIME = new SqlFunction("MATCH_PROCTIME", SqlKind.OTHER_FUNCTION,
            opBinding -> opBinding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3),
            null, OperandTypes.NILADIC, SqlFunctionCategory.MATCH_RECOGNIZE) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    @Override
    public List<String> names() {
        return List.of("MATCH_ROWTIME", "MATCH_PROCTIME");
    }

    @Override
    public String description() {
        return "MATCH_ROWTIME([rowtime_field]) is the time attribute of the last row of a MATCH_RECOGNIZE match (a "
                + "rowtime attribute, TIMESTAMP(3) without an operand); MATCH_PROCTIME() is a processing-time "
                + "attribute. Both are valid only in the MEASURES of MATCH_RECOGNIZE.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(MATCH_ROWTIME, MATCH_PROCTIME);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        throw new ValidationException(call.getOperator().getName() + "() can only be used in the MEASURES of "
                + "MATCH_RECOGNIZE");
    }
}
