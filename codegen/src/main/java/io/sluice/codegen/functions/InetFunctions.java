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
import org.apache.calcite.sql.type.SqlTypeName;

/** INET_ATON and INET_NTOA: IPv4 addresses between dotted text and numbers. */
public final class InetFunctions implements BuiltInFunction {
    static final SqlFunction INET_ATON = new SqlFunction("INET_ATON", SqlKind.OTHER_FUNCTION,
            ReturnTypes.cascade(ReturnTypes.explicit(SqlTypeName.BIGINT),
                    org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
            null, OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    static final SqlFunction INET_NTOA = new SqlFunction("INET_NTOA", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null, OperandTypes.family(SqlTypeFamily.INTEGER),
            SqlFunctionCategory.STRING);
    private static final String RUNTIME = "io.sluice.codegen.runtime.InetRuntime";

    @Override
    public List<String> names() {
        return List.of("INET_ATON", "INET_NTOA");
    }

    @Override
    public String description() {
        return "INET_ATON(s) is the IPv4 address s as a BIGINT: 'a.b.c.d', or the short forms 'a.b' (a.0.0.b) and "
                + "'a.b.c' (a.b.0.c), each part 0-255 in decimal digits (leading zeros are decimal); NULL for anything "
                + "else (also surrounding spaces). INET_NTOA(n) is the dotted text of the address n (0 to 4294967295; an "
                + "INT is read as unsigned, so -1 is 255.255.255.255), NULL outside that range. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(INET_ATON, INET_NTOA);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        if (call.getOperator() == INET_ATON) {
            GenExpr r = gen.callStrict(call, out, v -> RUNTIME + ".inetAton(" + v.get(0) + ")");
            out.line(r.isNull() + " = " + r.isNull() + " || " + r.value() + " < 0L;"); // -1: not an address
            return r;
        }
        boolean unsignedInt = call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.INTEGER;
        return gen.callStrict(call, out, v -> RUNTIME + ".inetNtoa(" + (unsignedInt
                ? "Integer.toUnsignedLong(" + v.get(0) + ")" : "(long) (" + v.get(0) + ")") + ")");
    }
}
