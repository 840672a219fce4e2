package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** TYPEOF(x [, forceSerializable]): Flink's name of the argument's data type, a constant per query. */
public final class TypeOfFunction implements BuiltInFunction {
    /** Shadows Calcite's TYPEOF, which only accepts VARIANT arguments. */
    public static final SqlFunction TYPEOF = new SqlFunction("TYPEOF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null,
            OperandTypes.or(OperandTypes.ANY, OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.BOOLEAN)),
            SqlFunctionCategory.SYSTEM);

    @Override
    public List<String> names() {
        return List.of("TYPEOF");
    }

    @Override
    public String description() {
        return "TYPEOF(x [, forceSerializable]) returns the data type of x as Flink spells it, e.g. 'INT NOT NULL', "
                + "'VARCHAR(5)', 'DECIMAL(38, 2)', 'TIMESTAMP(3)'. The argument is not evaluated; the result is a "
                + "non-NULL STRING even when x is NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(TYPEOF);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String name = ExprGenerator.typeOf(call.getOperands().get(0)).toString();
        return new GenExpr("false", JavaTypes.stringLiteral(name), ExprGenerator.typeOf(call), null, name);
    }
}
