package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/** PROCTIME(): the processing time, for {@code pt AS PROCTIME()} computed columns. */
public final class ProctimeFunction implements BuiltInFunction {
    /** Returns TIMESTAMP_LTZ(3) NOT NULL; never folded to a constant. */
    public static final SqlFunction PROCTIME = new SqlFunction("PROCTIME", SqlKind.OTHER_FUNCTION,
            opBinding -> opBinding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3),
            null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE) {
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
        return List.of("PROCTIME");
    }

    @Override
    public String description() {
        return "PROCTIME() is the processing time as a TIMESTAMP_LTZ(3): the wall clock when the row is processed "
                + "(taken once per batch). Declare it as a computed column, pt AS PROCTIME().";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(PROCTIME);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return GenExpr.of("false", gen.nowMillis(), ExprGenerator.typeOf(call));
    }
}
