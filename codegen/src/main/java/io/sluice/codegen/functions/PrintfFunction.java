package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/** PRINTF(format, obj...): Java's {@code String.format} with {@code Locale.US}. */
public final class PrintfFunction implements BuiltInFunction {
    static final SqlFunction PRINTF = new SqlFunction("PRINTF", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null, OperandTypes.ONE_OR_MORE, SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("PRINTF");
    }

    @Override
    public String description() {
        return "PRINTF(format, obj...) formats the arguments with Java's java.util.Formatter in Locale.US (%s, %d, "
                + "%.2f, ...); a NULL argument prints as null; NULL when the format is NULL or does not fit the "
                + "arguments. DATE, TIME and TIMESTAMP arguments are passed as their SQL text.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(PRINTF);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperands().get(0).getType().getSqlTypeName().getFamily()
                != org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
            throw new io.sluice.table.api.UnsupportedFeatureException("PRINTF with a non-string format");
        }
        List<GenExpr> args = new ArrayList<>();
        for (int i = 0; i < call.getOperands().size(); i++) {
            org.apache.calcite.rex.RexNode operand = call.getOperands().get(i);
            if (i > 0 && isTemporal(operand)) {
                operand = gen.rexBuilder().makeCast(gen.rexBuilder().getTypeFactory().createTypeWithNullability(
                        gen.rexBuilder().getTypeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR),
                        operand.getType().isNullable()), operand);
            }
            args.add(gen.gen(operand, out));
        }
        GenExpr format = args.get(0);
        StringBuilder objects = new StringBuilder();
        for (GenExpr a : args.subList(1, args.size())) {
            String v = gen.value(a, out);
            objects.append(", ").append(a.neverNull() ? "(Object) " + v : a.isNull() + " ? null : (Object) " + v);
        }
        String formatValue = gen.value(format, out);
        String result = gen.newName("val");
        out.line("String " + result + " = " + format.isNull() + " ? null : " + RegexpMatchFunctions.RUNTIME
                + ".printf(" + formatValue + ", new Object[] {" + (objects.length() == 0 ? "" : objects.substring(2))
                + "});");
        String isNull = gen.newName("isNull");
        out.line("boolean " + isNull + " = " + result + " == null;");
        return GenExpr.of(isNull, result, ExprGenerator.typeOf(call));
    }

    private static boolean isTemporal(org.apache.calcite.rex.RexNode operand) {
        org.apache.calcite.sql.type.SqlTypeFamily family = operand.getType().getSqlTypeName().getFamily();
        return family == org.apache.calcite.sql.type.SqlTypeFamily.DATE
                || family == org.apache.calcite.sql.type.SqlTypeFamily.TIME
                || family == org.apache.calcite.sql.type.SqlTypeFamily.TIMESTAMP;
    }
}
