package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;

/** REGEXP_EXTRACT(s, regex [, group]) and REGEXP_REPLACE(s, regex, replacement) with Java regexes. */
public final class RegexpFunctions implements BuiltInFunction {
    /** Flink's REGEXP_EXTRACT: group index, 0 = whole match (the default). */
    public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("REGEXP_EXTRACT", "REGEXP_REPLACE");
    }

    @Override
    public String description() {
        return "REGEXP_EXTRACT(s, regex [, i]) returns group i (0 = whole match, the default) of the first match of "
                + "the Java regex in s, NULL when there is no match. REGEXP_REPLACE(s, regex, r) replaces every match "
                + "by r ($1 refers to a group). An invalid regex gives NULL; NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(REGEXP_EXTRACT, SqlLibraryOperators.REGEXP_REPLACE_3);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<GenExpr> args = gen.genOperands(call, out);
        String constant = Functions.constantString(args.get(1));
        String patternField = null;
        if (constant != null) {
            try {
                patternField = gen.addReference(Pattern.compile(constant), "java.util.regex.Pattern");
            } catch (PatternSyntaxException e) {
                patternField = "null";
            }
        }
        String fixed = patternField;
        if (call.getOperator() == REGEXP_EXTRACT) {
            if (fixed != null && !fixed.equals("null")) {
                // a constant regex: this kernel instance (one thread) keeps one matcher and resets it per row
                if (ExprGenerator.isStringColumn(args.get(0))) { // matched over the column's bytes when ASCII
                    // equal calls (same column, regex and group) share the view and matcher: a repeated call in one
                    // row returns the first one's result
                    String key = "regexp:" + args.get(0).vector() + ":" + constant + ":"
                            + (args.size() > 2 ? args.get(2).literal() : "0");
                    boolean constantGroup = args.size() < 3 || args.get(2).literal() != null;
                    String matcher = constantGroup ? gen.sharedMember("matcher:" + key, "java.util.regex.Matcher",
                            fixed + ".matcher(\"\")") : gen.addMember("java.util.regex.Matcher",
                            fixed + ".matcher(\"\")");
                    String literal = io.sluice.codegen.runtime.PatternRuntime.requiredLiteral(constant);
                    String required = literal == null ? "null" : gen.addReference(
                            literal.getBytes(java.nio.charset.StandardCharsets.UTF_8), "byte[]");
                    return gen.strictOverView(args, ExprGenerator.typeOf(call), out, constantGroup ? key : null,
                            v -> v.get(0)
                            + ".regexpExtract(" + matcher + ", " + required + ", "
                            + (v.size() > 2 ? "(long) " + v.get(2) : "0L") + ")");
                }
                String matcher = gen.addMember("java.util.regex.Matcher", fixed + ".matcher(\"\")");
                return gen.strict(args, ExprGenerator.typeOf(call), out, v -> Functions.PR + ".regexpExtract("
                        + v.get(0) + ", " + matcher + ", " + (v.size() > 2 ? "(long) " + v.get(2) : "0L") + ")");
            }
            return gen.strict(args, ExprGenerator.typeOf(call), out, v -> Functions.PR + ".regexpExtract(" + v.get(0)
                    + ", " + pattern(fixed, v.get(1)) + ", " + (v.size() > 2 ? "(long) " + v.get(2) : "0L") + ")");
        }
        return gen.strict(args, ExprGenerator.typeOf(call), out, v -> Functions.PR + ".regexpReplace(" + v.get(0)
                + ", " + pattern(fixed, v.get(1)) + ", " + v.get(2) + ")");
    }

    private static String pattern(String fixed, String value) {
        return fixed != null ? fixed : Functions.PR + ".regex(" + value + ")";
    }
}
