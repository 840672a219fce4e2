package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;

/** MD5, SHA1, SHA256. */
public final class HashFunctions implements BuiltInFunction {
    @Override
    public List<String> names() {
        return List.of("MD5", "SHA1", "SHA256");
    }

    @Override
    public String description() {
        return "MD5(s), SHA1(s), SHA256(s): the digest of the UTF-8 bytes of s as a lowercase hexadecimal string "
                + "(32, 40 and 64 characters). NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.MD5, SqlLibraryOperators.SHA1, SqlLibraryOperators.SHA256);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        String m = op == SqlLibraryOperators.MD5 ? "md5" : op == SqlLibraryOperators.SHA1 ? "sha1" : "sha256";
        return gen.callStrict(call, out, v -> "io.sluice.codegen.runtime.HashRuntime." + m + "(" + v.get(0) + ")");
    }
}
