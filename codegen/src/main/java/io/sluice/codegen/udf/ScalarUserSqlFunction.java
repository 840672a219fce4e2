package io.sluice.codegen.udf;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;

/**
 * The Calcite operator of a user-defined scalar function: validation picks the {@code eval} overload from
 * the argument types; the result type is that method's (nullable unless the return type is primitive and no
 * primitive parameter can receive NULL).
 */
public final class ScalarUserSqlFunction extends SqlFunction {
    private final UserFunction function;

    public ScalarUserSqlFunction(UserFunction function) {
        super(function.name(), SqlKind.OTHER_FUNCTION, null, null, new EvalOperandChecker(function),
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.function = function;
    }

    public UserFunction function() {
        return function;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        List<LogicalType> args = EvalOperandChecker.argTypes(binding);
        UdfMethod m = EvalOperandChecker.resolve(function, binding);
        LogicalType result = m.resultType();
        if (!result.isNullable()) {
            for (int i = 0; i < args.size(); i++) {
                if (m.argClass(i).isPrimitive() && args.get(i).isNullable()) {
                    result = result.copy(true);
                }
            }
        }
        return RelTypes.toRelDataType(result, binding.getTypeFactory());
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }
}
