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
import org.apache.calcite.sql.type.SqlTypeName;

/** UUID(): a random (version 4) UUID string, a new one for every row. */
public final class UuidFunction implements BuiltInFunction {
    /** Non-deterministic, so the planner never folds it into a constant. */
    public static final SqlFunction UUID = new SqlFunction("UUID", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.NILADIC, SqlFunctionCategory.STRING) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    @Override
    public List<String> names() {
        return List.of("UUID");
    }

    @Override
    public String description() {
        return "UUID() returns a random RFC 4122 version 4 UUID as a 36-character string such as "
                + "'3d3c68f7-f608-473f-b60c-b0c44ad4cc4e', made with a cryptographically strong random generator; "
                + "evaluated anew for every row.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(UUID);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        GenExpr r = gen.declare(ExprGenerator.typeOf(call), "false", out);
        out.line(r.value() + " = java.util.UUID.randomUUID().toString();");
        return r;
    }
}
