package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Flink's CURRENT_WATERMARK(rowtime): the watermark the evaluating operator has received, NULL before the first
 * one. The result has the argument's type (TIMESTAMP or TIMESTAMP_LTZ) with precision 3 and is nullable.
 */
public final class CurrentWatermarkFunction implements BuiltInFunction {
    /** CURRENT_WATERMARK(rowtime); never folded to a constant. */
    public static final SqlFunction CURRENT_WATERMARK = new SqlFunction("CURRENT_WATERMARK",
            SqlKind.OTHER_FUNCTION, opBinding -> {
                RelDataTypeFactory types = opBinding.getTypeFactory();
                RelDataType type = types.createSqlType(opBinding.getOperandType(0).getSqlTypeName(), 3);
                return types.createTypeWithNullability(type, true);
            }, null, OperandTypes.family(SqlTypeFamily.TIMESTAMP), SqlFunctionCategory.TIMEDATE) {
        @Override
        public boolean isDeterministic() {
            return false;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }
    };

    @Override
    public List<String> names() {
        return List.of("CURRENT_WATERMARK");
    }

    @Override
    public String description() {
        return "CURRENT_WATERMARK(rowtime) is the current watermark of the operator evaluating it, as a TIMESTAMP(3)"
                + " (TIMESTAMP_LTZ(3) for a TIMESTAMP_LTZ rowtime), NULL before the first watermark and in batch mode;"
                + " in WHERE it filters late rows: WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts).";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(CURRENT_WATERMARK);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String watermark = gen.currentWatermark();
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), watermark + " == Long.MIN_VALUE", out);
        out.line(r.value() + " = " + watermark + ";");
        return r;
    }
}
