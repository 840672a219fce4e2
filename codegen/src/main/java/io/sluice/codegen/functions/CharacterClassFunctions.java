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
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/** IS_ALPHA, IS_DIGIT and IS_DECIMAL: never NULL, FALSE for a NULL argument. */
public final class CharacterClassFunctions implements BuiltInFunction {
    static final SqlFunction IS_ALPHA = function("IS_ALPHA");
    static final SqlFunction IS_DIGIT = function("IS_DIGIT");
    static final SqlFunction IS_DECIMAL = function("IS_DECIMAL");

    private static SqlFunction function(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NOT_NULL, null,
                OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    }

    @Override
    public List<String> names() {
        return List.of("IS_ALPHA", "IS_DIGIT", "IS_DECIMAL");
    }

    @Override
    public String description() {
        return "IS_ALPHA(s) is TRUE when s is non-empty and every character is a letter, IS_DIGIT(s) when every "
                + "character is a digit, IS_DECIMAL(s) when s reads as a decimal number (sign, digits, fraction, "
                + "exponent); all three are FALSE for NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(IS_ALPHA, IS_DIGIT, IS_DECIMAL);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        GenExpr arg = gen.gen(call.getOperands().get(0), out);
        String method = call.getOperator() == IS_ALPHA ? "isAlpha" : call.getOperator() == IS_DIGIT ? "isDigit"
                : "isDecimal";
        String value = gen.value(arg, out);
        String result = gen.newName("val");
        out.line("boolean " + result + " = " + RegexpMatchFunctions.RUNTIME + "." + method + "(" + value + ");");
        return GenExpr.of("false", result, ExprGenerator.typeOf(call));
    }
}
