package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** REGEXP, REGEXP_COUNT, REGEXP_INSTR and REGEXP_SUBSTR over Java regular expressions. */
public final class RegexpMatchFunctions implements BuiltInFunction {
    static final SqlFunction REGEXP = function("REGEXP", ReturnTypes.BOOLEAN_FORCE_NULLABLE);
    static final SqlFunction REGEXP_COUNT = function("REGEXP_COUNT",
            ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE));
    static final SqlFunction REGEXP_INSTR = function("REGEXP_INSTR",
            ReturnTypes.explicit(SqlTypeName.INTEGER).andThen(org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE));
    static final SqlFunction REGEXP_SUBSTR = function("REGEXP_SUBSTR", ReturnTypes.VARCHAR_FORCE_NULLABLE);

    private static SqlFunction function(String name, SqlReturnTypeInference type) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null,
                OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    }

    @Override
    public List<String> names() {
        return List.of("REGEXP", "REGEXP_COUNT", "REGEXP_INSTR", "REGEXP_SUBSTR");
    }

    @Override
    public String description() {
        return "REGEXP(s, regex) is TRUE when any (possibly empty) substring of s matches the Java regex; "
                + "REGEXP_COUNT(s, regex) counts the matches; REGEXP_INSTR(s, regex) is the 1-based character position "
                + "of the first match, 0 without one; REGEXP_SUBSTR(s, regex) is the first match, NULL without one. "
                + "An invalid regex gives NULL; NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(REGEXP, REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<GenExpr> args = gen.genOperands(call, out);
        LogicalType type = ExprGenerator.typeOf(call);
        String constant = Functions.constantString(args.get(1));
        String fixed = null;
        if (constant != null) {
            try {
                fixed = gen.addReference(Pattern.compile(constant), "java.util.regex.Pattern");
            } catch (PatternSyntaxException e) {
                return GenExpr.of("true", io.sluice.codegen.expr.JavaTypes.defaultValue(type), type);
            }
        }
        String method = call.getOperator() == REGEXP ? "regexpFind" : call.getOperator() == REGEXP_COUNT
                ? "regexpCount" : call.getOperator() == REGEXP_INSTR ? "regexpInstr" : "regexpSubstr";
        String pattern = fixed;
        if (call.getOperator() == REGEXP_SUBSTR) {
            return gen.strict(args, type, out, v -> RUNTIME + "." + method + "(" + v.get(0) + ", "
                    + (pattern != null ? pattern : Functions.PR + ".regex(" + v.get(1) + ")") + ")");
        }
        // the boxed result is null for an invalid regex: hold it in a boxed variable, then unbox
        String boxed = gen.newName("boxed");
        String boxedType = call.getOperator() == REGEXP ? "Boolean" : "Integer";
        out.line(boxedType + " " + boxed + " = null;");
        GenExpr r = gen.strict(args, type, out, v -> {
            String call0 = RUNTIME + "." + method + "(" + v.get(0) + ", "
                    + (pattern != null ? pattern : Functions.PR + ".regex(" + v.get(1) + ")") + ")";
            return "(" + boxed + " = " + call0 + ") == null ? " + io.sluice.codegen.expr.JavaTypes.defaultValue(type)
                    + " : " + boxed + "." + (boxedType.equals("Boolean") ? "booleanValue()" : "intValue()");
        });
        out.line(r.isNull() + " = " + r.isNull() + " || " + boxed + " == null;");
        return r;
    }

    static final String RUNTIME = "io.sluice.codegen.runtime.TextRuntime";
}
