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

/** URL_ENCODE, URL_DECODE, URL_DECODE_RECURSIVE and PARSE_URL. */
public final class UrlFunctions implements BuiltInFunction {
    static final SqlFunction URL_ENCODE = new SqlFunction("URL_ENCODE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_NULLABLE, null, OperandTypes.family(SqlTypeFamily.CHARACTER), SqlFunctionCategory.STRING);
    static final SqlFunction URL_DECODE = new SqlFunction("URL_DECODE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null, OperandTypes.family(SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.STRING);
    static final SqlFunction URL_DECODE_RECURSIVE = new SqlFunction("URL_DECODE_RECURSIVE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);
    static final SqlFunction PARSE_URL = new SqlFunction("PARSE_URL", SqlKind.OTHER_FUNCTION,
            ReturnTypes.VARCHAR_FORCE_NULLABLE, null,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("URL_ENCODE", "URL_DECODE", "URL_DECODE_RECURSIVE", "PARSE_URL");
    }

    @Override
    public String description() {
        return "URL_ENCODE(s) and URL_DECODE(s) convert to and from application/x-www-form-urlencoded text in UTF-8 "
                + "(an illegal escape decodes to NULL). URL_DECODE_RECURSIVE(s[, maxDepth]) decodes again and again until "
                + "the text no longer changes or maxDepth (default 10) decodings were done; NULL when the first one fails, "
                + "the last decoded text when a later one fails. PARSE_URL(url, part[, key]) returns the URL's HOST, PATH, QUERY, "
                + "REF, PROTOCOL, AUTHORITY, FILE or USERINFO, or with 'QUERY' and a key the value of that query "
                + "parameter; NULL for a malformed URL or a missing part. NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(URL_ENCODE, URL_DECODE, URL_DECODE_RECURSIVE, PARSE_URL);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        String rt = RegexpMatchFunctions.RUNTIME;
        if (call.getOperator() == URL_ENCODE) {
            return gen.callStrict(call, out, v -> rt + ".urlEncode(" + v.get(0) + ")");
        }
        if (call.getOperator() == URL_DECODE) {
            return gen.callStrict(call, out, v -> rt + ".urlDecode(" + v.get(0) + ")");
        }
        if (call.getOperator() == URL_DECODE_RECURSIVE) {
            return gen.callStrict(call, out, v -> rt + ".urlDecodeRecursive(" + v.get(0) + ", "
                    + (v.size() > 1 ? "(int) " + v.get(1) : "10") + ")");
        }
        return gen.callStrict(call, out, v -> rt + ".parseUrl(" + String.join(", ", v) + ")");
    }
}
