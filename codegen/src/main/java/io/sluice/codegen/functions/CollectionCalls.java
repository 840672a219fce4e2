package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Code generation shared by the ARRAY, MAP, MULTISET and ROW functions: operands become their external Java values,
 * a {@link io.sluice.codegen.runtime.CollectionRuntime} method computes the external result, which is read back as
 * the call's type.
 */
final class CollectionCalls {
    private CollectionCalls() {
    }

    /**
     * Generates {@code body(external operand expressions)} (a Java expression of an external value or null); the
     * result is NULL when an operand whose {@code nullStrict} flag is set is NULL (the last flag applies to every
     * further operand), or when the body yields null. Operands listed in {@code elementArgs} are first converted to
     * the element type of operand 0 (an ARRAY).
     */
    static GenExpr invoke(ExprGenerator gen, RexCall call, CodeBuilder out, boolean[] nullStrict, int[] elementArgs,
            Function<List<String>, String> body) {
        List<GenExpr> args = gen.genOperands(call, out);
        for (int k : elementArgs) {
            if (k < args.size()) {
                args.set(k, coerce(gen, args.get(k), args.get(0).type().elementType(), out));
            }
        }
        StringBuilder anyNull = new StringBuilder();
        for (int k = 0; k < args.size(); k++) {
            boolean strict = nullStrict[Math.min(k, nullStrict.length - 1)];
            if (strict && !args.get(k).neverNull()) {
                anyNull.append(anyNull.length() > 0 ? " || " : "").append(args.get(k).isNull());
            }
        }
        String result = gen.newName("res");
        out.line("Object " + result + " = null;");
        out.open(anyNull.length() == 0 ? "" : "if (!(" + anyNull + "))");
        List<String> ext = new ArrayList<>();
        for (GenExpr a : args) {
            ext.add(gen.external(a, out));
        }
        out.line(result + " = " + body.apply(ext) + ";");
        out.close();
        return gen.fromExternal(result, ExprGenerator.typeOf(call), out);
    }

    /** {@code e} converted to {@code target} when it is a scalar of another type. */
    static GenExpr coerce(ExprGenerator gen, GenExpr e, LogicalType target, CodeBuilder out) {
        if (e.alwaysNull() || e.type().root().isConstructed() || e.type().sameTypeAs(target)
                || (e.type().root().isCharacterString() && target.root().isCharacterString())) {
            return e;
        }
        GenExpr t = gen.declare(target.copy(true), "true", out);
        gen.assign(t, e, out);
        return t;
    }

    /** The Java expression of a new {@code Object[]} of the given expressions. */
    static String objects(List<String> exprs) {
        return "new Object[] {" + String.join(", ", exprs) + "}";
    }

    /** {@code type} nullable when any operand of the call is nullable. */
    static RelDataType nullableIfAny(RelDataTypeFactory f, RelDataType type, List<RelDataType> operands) {
        boolean nullable = type.isNullable();
        for (RelDataType t : operands) {
            nullable |= t.isNullable();
        }
        return f.createTypeWithNullability(type, nullable);
    }

    /**
     * An operand checker by type family per position ({@code null} for any type; the last entry applies to every
     * further operand), with an operand count range.
     */
    static SqlOperandTypeChecker families(int min, int max, String signature, SqlTypeFamily... families) {
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                for (int i = 0; i < binding.getOperandCount(); i++) {
                    SqlTypeFamily want = families[Math.min(i, families.length - 1)];
                    RelDataType type = binding.getOperandType(i);
                    if (want != null && type.getSqlTypeName() != SqlTypeName.NULL
                            && !want.getTypeNames().contains(type.getSqlTypeName())) {
                        if (throwOnFailure) {
                            throw binding.newValidationSignatureError();
                        }
                        return false;
                    }
                }
                return true;
            }

            @Override
            public SqlOperandCountRange getOperandCountRange() {
                return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
            }

            @Override
            public String getAllowedSignatures(SqlOperator op, String opName) {
                return opName + signature;
            }
        };
    }
}
