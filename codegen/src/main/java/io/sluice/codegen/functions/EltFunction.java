package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** ELT(index, expr, ...): the index-th string expression. */
public final class EltFunction implements BuiltInFunction {
    static final SqlFunction ELT = new SqlFunction("ELT", SqlKind.OTHER_FUNCTION,
            binding -> binding.getTypeFactory().createTypeWithNullability(
                    binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true),
            null, new EltOperands(), SqlFunctionCategory.STRING);

    @Override
    public List<String> names() {
        return List.of("ELT");
    }

    @Override
    public String description() {
        return "ELT(index, s1, s2, ...) is the index-th string (counting from 1); NULL when index is NULL or not "
                + "between 1 and the number of strings.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(ELT);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        List<GenExpr> args = gen.genOperands(call, out);
        GenExpr index = args.get(0);
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), "true", out);
        out.open("if (!" + index.isNull() + ")");
        for (int i = 1; i < args.size(); i++) {
            GenExpr a = args.get(i);
            out.open((i == 1 ? "" : "else ") + "if ((long) " + index.value() + " == " + i + "L)");
            String v = gen.value(a, out);
            out.line(r.value() + " = " + v + ";");
            out.line(r.isNull() + " = " + r.value() + " == null;");
            out.close();
        }
        out.close();
        return r;
    }

    /** An integer index followed by one or more character strings. */
    private static final class EltOperands implements SqlOperandTypeChecker {
        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            for (int i = 0; i < binding.getOperandCount(); i++) {
                RelDataType type = binding.getOperandType(i);
                SqlTypeFamily want = i == 0 ? SqlTypeFamily.INTEGER : SqlTypeFamily.CHARACTER;
                if (type.getSqlTypeName() != SqlTypeName.NULL && !want.getTypeNames().contains(type.getSqlTypeName())) {
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
            return SqlOperandCountRanges.from(2);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(<INTEGER>, <STRING>, <STRING>...)";
        }
    }
}
