package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;

/** GREATEST and LEAST: the largest or smallest argument, in the arguments' common type; NULL if any is NULL. */
public final class GreatestLeastFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("GREATEST", "LEAST");
    }

    @Override
    public String description() {
        return "GREATEST(v1, v2, ...) and LEAST(v1, v2, ...) return the largest or smallest argument, compared in "
                + "the arguments' common type; NULL if any argument is NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        boolean greatest = call.getOperator() == SqlLibraryOperators.GREATEST;
        LogicalType type = ExprGenerator.typeOf(call);
        List<GenExpr> args = gen.genOperands(call, out);
        StringBuilder anyNull = new StringBuilder();
        for (GenExpr a : args) {
            if (!a.neverNull()) {
                anyNull.append(anyNull.length() == 0 ? "" : " || ").append(a.isNull());
            }
        }
        GenExpr r = gen.declare(type, anyNull.length() == 0 ? "false" : anyNull.toString(), out);
        String javaType = JavaTypes.javaType(type);
        out.open("if (!" + r.isNull() + ")");
        for (int i = 0; i < args.size(); i++) {
            GenExpr a = args.get(i);
            String v = gen.convert(gen.value(a, out), a.type(), type);
            if (i == 0) {
                out.line(r.value() + " = " + v + ";");
                continue;
            }
            String name = gen.newName("arg");
            out.line(javaType + " " + name + " = " + v + ";");
            String cmp;
            if (javaType.equals("boolean")) {
                cmp = "Boolean.compare(" + name + ", " + r.value() + ")";
            } else if (JavaTypes.isReference(type)) {
                cmp = name + ".compareTo(" + r.value() + ")";
            } else {
                cmp = "(" + name + " > " + r.value() + " ? 1 : " + name + " < " + r.value() + " ? -1 : 0)";
            }
            out.line("if (" + cmp + (greatest ? " > 0" : " < 0") + ") " + r.value() + " = " + name + ";");
        }
        if (JavaTypes.isReference(type)) {
            out.line(r.isNull() + " = " + r.value() + " == null;");
        }
        out.close();
        return r;
    }
}
