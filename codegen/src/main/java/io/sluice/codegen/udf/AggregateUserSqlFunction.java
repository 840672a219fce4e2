package io.sluice.codegen.udf;

import io.sluice.codegen.RelTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.util.Optionality;

/**
 * The Calcite operator of a user-defined aggregate function: validation picks the {@code accumulate}
 * overload from the argument types; the result type is that of {@code getValue} (nullable).
 */
public final class AggregateUserSqlFunction extends SqlAggFunction {
    private final UserFunction function;

    public AggregateUserSqlFunction(UserFunction function) {
        super(function.name(), null, SqlKind.OTHER_FUNCTION, null, null, new EvalOperandChecker(function),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.FORBIDDEN);
        this.function = function;
    }

    public UserFunction function() {
        return function;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        return RelTypes.toRelDataType(function.aggregateResultType(), binding.getTypeFactory());
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }
}
