package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.expr.JavaTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** ABS, SIGN, POWER, SQRT, LN, LOG10, EXP, PI, RAND. */
public final class MathFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("ABS", "SIGN", "POWER", "SQRT", "LN", "LOG10", "EXP", "PI", "RAND", "RAND_INTEGER");
    }

    @Override
    public String description() {
        return "ABS(x) and SIGN(x) keep the argument type. POWER(x, y), SQRT(x), LN(x), LOG10(x), EXP(x) compute in "
                + "DOUBLE (NaN for arguments outside the domain, e.g. SQRT(-1)). PI() is pi. RAND([seed]) is a "
                + "pseudo-random DOUBLE in [0, 1), repeatable per task when seeded; RAND_INTEGER([seed,] bound) a pseudo-random "
                + "INT in [0, bound). NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.ABS, SqlStdOperatorTable.SIGN, SqlStdOperatorTable.POWER,
                SqlStdOperatorTable.SQRT, SqlStdOperatorTable.LN, SqlStdOperatorTable.LOG10, SqlStdOperatorTable.EXP,
                SqlStdOperatorTable.PI, SqlStdOperatorTable.RAND,
                SqlStdOperatorTable.RAND_INTEGER);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        LogicalType r = ExprGenerator.typeOf(call);
        if (op == SqlStdOperatorTable.PI) {
            return GenExpr.of("false", "Math.PI", r);
        }
        if (op == SqlStdOperatorTable.RAND_INTEGER) {
            // RAND_INTEGER([seed,] bound): a pseudorandom INT in [0, bound); NULL when the bound is NULL
            List<GenExpr> args = gen.genOperands(call, out);
            String init = "new java.util.Random()";
            if (args.size() == 2) {
                if (!(args.get(0).literal() instanceof Long)) {
                    throw new UnsupportedFeatureException("RAND_INTEGER with a non-constant seed");
                }
                init = "new java.util.Random(" + args.get(0).literal() + "L)";
            }
            String rnd = gen.addMember("java.util.Random", init);
            return gen.strict(args.subList(args.size() - 1, args.size()), r, out,
                    v -> rnd + ".nextInt((int) " + v.get(0) + ")");
        }
        if (op == SqlStdOperatorTable.RAND) {
            List<GenExpr> args = gen.genOperands(call, out);
            String init = "new java.util.Random()";
            if (!args.isEmpty()) {
                if (!(args.get(0).literal() instanceof Long)) {
                    throw new UnsupportedFeatureException("RAND with a non-constant seed");
                }
                init = "new java.util.Random(" + args.get(0).literal() + "L)";
            }
            String rnd = gen.addMember("java.util.Random", init);
            String val = gen.newName("val");
            out.line("double " + val + " = " + rnd + ".nextDouble();");
            return GenExpr.of("false", val, r);
        }
        List<GenExpr> args = gen.genOperands(call, out);
        LogicalType t = args.get(0).type();
        String jt = JavaTypes.javaType(r);
        if (op == SqlStdOperatorTable.ABS) {
            if (t.root() == TypeRoot.DECIMAL) {
                return gen.strict(args, r, out, v -> gen.convert(v.get(0) + ".abs()", t, r));
            }
            return gen.strict(args, r, out, v -> "(" + jt + ") Math.abs(" + v.get(0) + ")");
        }
        if (op == SqlStdOperatorTable.SIGN) {
            if (t.root() == TypeRoot.DECIMAL) {
                return gen.strict(args, r, out, v -> "io.sluice.codegen.runtime.CastRuntime.decimalOf((long) "
                        + v.get(0) + ".signum(), " + r.precision() + ", " + r.scale() + ")");
            }
            if (t.root() == TypeRoot.DOUBLE || t.root() == TypeRoot.FLOAT) {
                return gen.strict(args, r, out, v -> "(" + jt + ") Math.signum(" + v.get(0) + ")");
            }
            return gen.strict(args, r, out, v -> "(" + jt + ") Long.signum((long) " + v.get(0) + ")");
        }
        String m;
        if (op == SqlStdOperatorTable.POWER) {
            LogicalType t2 = args.get(1).type();
            return gen.strict(args, r, out, v -> "Math.pow(" + toDouble(v.get(0), t) + ", " + toDouble(v.get(1), t2)
                    + ")");
        } else if (op == SqlStdOperatorTable.SQRT) {
            m = "Math.sqrt";
        } else if (op == SqlStdOperatorTable.LN) {
            m = "Math.log";
        } else if (op == SqlStdOperatorTable.LOG10) {
            m = "Math.log10";
        } else {
            m = "Math.exp";
        }
        return gen.strict(args, r, out, v -> m + "(" + toDouble(v.get(0), t) + ")");
    }

    static String toDouble(String v, LogicalType t) {
        return t.root() == TypeRoot.DECIMAL ? v + ".doubleValue()" : "(double) " + v;
    }
}
