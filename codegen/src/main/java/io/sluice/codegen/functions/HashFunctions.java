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
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** MD5, SHA1, SHA224, SHA256, SHA384, SHA512, SHA2. */
public final class HashFunctions implements BuiltInFunction {
    static final SqlFunction SHA224 = digest("SHA224");
    static final SqlFunction SHA384 = digest("SHA384");
    static final SqlFunction SHA512 = digest("SHA512");
    /** SHA2(s, bits): NULL for a bit length other than 224, 256, 384, 512, so always nullable. */
    static final SqlFunction SHA2 = new SqlFunction("SHA2", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER), SqlFunctionCategory.STRING);

    private static SqlFunction digest(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION,
                ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
                OperandTypes.CHARACTER, SqlFunctionCategory.STRING);
    }

    @Override
    public List<String> names() {
        return List.of("MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA2");
    }

    @Override
    public String description() {
        return "MD5(s), SHA1(s), SHA224(s), SHA256(s), SHA384(s), SHA512(s): the digest of the UTF-8 bytes of s as a "
                + "lowercase hexadecimal string; SHA2(s, bits) is the SHA-2 digest of 224, 256, 384 or 512 bits (NULL "
                + "for another length). NULL in, NULL out.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlLibraryOperators.MD5, SqlLibraryOperators.SHA1, SHA224, SqlLibraryOperators.SHA256, SHA384,
                SHA512, SHA2);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        SqlOperator op = call.getOperator();
        String runtime = "io.sluice.codegen.runtime.HashRuntime.";
        if (op == SHA2) { // a null digest (an unknown bit length) makes the result NULL
            return gen.callStrict(call, out, v -> runtime + "sha2(" + v.get(0) + ", (int) " + v.get(1) + ")");
        }
        String m = op == SqlLibraryOperators.MD5 ? "md5" : op == SqlLibraryOperators.SHA1 ? "sha1"
                : op == SHA224 ? "sha224" : op == SHA384 ? "sha384" : op == SHA512 ? "sha512" : "sha256";
        return gen.callStrict(call, out, v -> runtime + m + "(" + v.get(0) + ")");
    }
}
