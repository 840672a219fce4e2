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

/**
 * HASH_CODE(x), Flink's internal function: an INT hash of a value that depends on the value only (so the same
 * value always gets the same hash, in every run). The split distinct aggregation uses it to spread a group over
 * buckets ({@code MOD(HASH_CODE(x), n)}).
 */
public final class HashCodeFunction implements BuiltInFunction {
    /** {@code HASH_CODE(any)}: INT, NULL for NULL. */
    public static final SqlFunction HASH_CODE = new SqlFunction("HASH_CODE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.ANY, SqlFunctionCategory.NUMERIC);

    @Override
    public List<String> names() {
        return List.of("HASH_CODE");
    }

    @Override
    public String description() {
        return "HASH_CODE(x): an INT hash of x that depends only on its value (equal values, equal hashes, in every"
                + " run); NULL for NULL. Flink's internal function, used by the split distinct aggregation.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(HASH_CODE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        return gen.callStrict(call, out, v -> "io.sluice.codegen.runtime.HashRuntime.hashCode(" + v.get(0) + ")");
    }
}
