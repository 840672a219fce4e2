package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.codegen.runtime.PatternRuntime;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * LIKE and SIMILAR TO (with ESCAPE). Constant LIKE patterns of the shapes {@code abc}, {@code abc%},
 * {@code %abc} and {@code %abc%} run on the UTF-8 bytes of a column without decoding; other constant
 * patterns compile to a regex once.
 */
public final class LikeFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("LIKE", "NOT LIKE", "SIMILAR TO", "NOT SIMILAR TO");
    }

    @Override
    public String description() {
        return "s LIKE p [ESCAPE e]: p matches the whole string, % any sequence and _ any one character; the escape "
                + "character makes the next % or _ literal. s SIMILAR TO p: SQL regular expression (| * + ? {} () []) "
                + "with % and _ wildcards. Case-sensitive; NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.LIKE, SqlStdOperatorTable.NOT_LIKE, SqlStdOperatorTable.SIMILAR_TO,
                SqlStdOperatorTable.NOT_SIMILAR_TO);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        boolean like = call.getKind() == SqlKind.LIKE;
        boolean negated = call.getOperator() instanceof SqlLikeOperator
                && ((SqlLikeOperator) call.getOperator()).isNegated();
        List<GenExpr> args = gen.genOperands(call, out);
        LogicalType type = ExprGenerator.typeOf(call);
        GenExpr s = args.get(0);
        String pattern = Functions.constantString(args.get(1));
        String escape = args.size() > 2 ? Functions.constantString(args.get(2)) : "";
        String not = negated ? "!" : "";
        if (pattern != null && escape != null) {
            if (escape.length() > 1) {
                throw new ValidationException("Invalid escape character '" + escape + "'");
            }
            char esc = escape.isEmpty() ? 0 : escape.charAt(0);
            String fast = like && esc == 0 ? fastPath(gen, s, pattern) : null;
            if (fast != null) {
                GenExpr r = gen.declare(type, s.isNull(), out);
                out.open("if (!" + r.isNull() + ")");
                out.line(r.value() + " = " + not + "(" + fast.replace("$S", s.vector() != null ? "" : gen.value(s, out))
                        + ");");
                out.close();
                return r;
            }
            java.util.regex.Pattern p = like ? PatternRuntime.compileLike(pattern, esc)
                    : PatternRuntime.compileSimilar(pattern, esc);
            String field = gen.addReference(p, "java.util.regex.Pattern");
            return gen.strict(List.of(s), type, out, v -> not + Functions.PR + ".matches(" + field + ", " + v.get(0)
                    + ")");
        }
        String m = like ? "like" : "similar";
        return gen.strict(args, type, out, v -> not + Functions.PR + "." + m + "(" + v.get(0) + ", " + v.get(1) + ", "
                + (v.size() > 2 ? v.get(2) : "null") + ")");
    }

    /** A boolean expression for simple patterns ($S stands for the decoded string), or null. */
    private static String fastPath(ExprGenerator gen, GenExpr s, String pattern) {
        if (pattern.indexOf('_') >= 0) {
            return null;
        }
        boolean leading = pattern.startsWith("%");
        boolean trailing = pattern.length() > (leading ? 1 : 0) && pattern.endsWith("%");
        String core = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        if (core.indexOf('%') >= 0) {
            return null;
        }
        String method;
        if (leading && trailing) {
            method = "contains";
        } else if (leading) {
            method = "endsWith";
        } else if (trailing) {
            method = "startsWith";
        } else {
            method = "equals";
        }
        if (s.vector() != null) {
            String lit = gen.addReference(core.getBytes(StandardCharsets.UTF_8), "byte[]");
            return Functions.SR + "." + method + "Utf8(" + s.vector() + ", " + ExprGenerator.ROW + ", " + lit + ")";
        }
        return "$S." + method + "(" + io.sluice.codegen.expr.JavaTypes.stringLiteral(core) + ")";
    }
}
