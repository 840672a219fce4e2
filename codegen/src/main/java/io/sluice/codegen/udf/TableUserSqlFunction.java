package io.sluice.codegen.udf;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.types.RowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * The Calcite operator of a user-defined table function ({@code LATERAL TABLE(f(x))}): validation picks the
 * {@code eval} overload; the rows have that method's row type (all columns nullable).
 */
public final class TableUserSqlFunction extends SqlFunction implements SqlTableFunction {
    private final UserFunction function;

    public TableUserSqlFunction(UserFunction function) {
        super(function.name(), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new EvalOperandChecker(function),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.function = function;
    }

    public UserFunction function() {
        return function;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return this::rowType;
    }

    private RelDataType rowType(SqlOperatorBinding binding) {
        RowType row = EvalOperandChecker.resolve(function, binding).rowType();
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataTypeFactory.Builder b = f.builder();
        for (int i = 0; i < row.size(); i++) {
            b.add(row.name(i), RelTypes.toRelDataType(row.type(i).copy(true), f));
        }
        return b.build();
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }
}
