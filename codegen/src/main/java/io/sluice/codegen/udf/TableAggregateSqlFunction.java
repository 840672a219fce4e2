package io.sluice.codegen.udf;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * The Calcite operator of a user-defined table aggregate function. Flink SQL has no syntax for table aggregates;
 * the Table API's {@code flatAggregate} is translated into the table function call
 * {@code TABLE(f(TABLE input [, DESCRIPTOR(k1, k2, ..)] [, 'name1', 'name2', ..]))}: the input's columns named by
 * the descriptor are the group keys, its other columns (in order) the function's arguments. The call's rows are the
 * key columns followed by the columns of the function's result type, renamed by the string literals when given (as
 * {@code .as(...)} does). Validation picks the {@code accumulate} overload for the argument columns' types.
 */
public final class TableAggregateSqlFunction extends SqlFunction implements SqlTableFunction {
    private final UserFunction function;

    public TableAggregateSqlFunction(UserFunction function) {
        super(function.name(), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null, new Checker(function),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        this.function = function;
    }

    public UserFunction function() {
        return function;
    }

    @Override
    public boolean argumentMustBeScalar(int ordinal) {
        return ordinal != 0;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return this::rowType;
    }

    @Override
    public boolean isDeterministic() {
        return function.isDeterministic();
    }

    /** The key column names of the call (its DESCRIPTOR operand), possibly none. */
    private static List<String> keyNames(SqlOperatorBinding binding) {
        List<String> keys = new ArrayList<>();
        if (binding instanceof SqlCallBinding && binding.getOperandCount() > 1) {
            SqlNode operand = ((SqlCallBinding) binding).operand(1);
            if (operand instanceof SqlCall && operand.getKind() == SqlKind.DESCRIPTOR) {
                for (SqlNode n : ((SqlBasicCall) operand).getOperandList()) {
                    keys.add(((SqlIdentifier) n).getSimple());
                }
            }
        }
        return keys;
    }

    /** The result column names the call gives (its string literal operands), possibly none. */
    private static List<String> resultNames(SqlOperatorBinding binding) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < binding.getOperandCount(); i++) {
            if (binding instanceof SqlCallBinding
                    && ((SqlCallBinding) binding).operand(i).getKind() == SqlKind.DESCRIPTOR) {
                continue;
            }
            names.add(binding.getOperandLiteralValue(i, String.class));
        }
        return names;
    }

    /** The input columns that are not keys: the arguments. */
    private static List<LogicalType> argTypes(RelDataType input, List<String> keys) {
        List<LogicalType> types = new ArrayList<>();
        for (RelDataTypeField f : input.getFieldList()) {
            if (!keys.contains(f.getName())) {
                types.add(RelTypes.toLogicalType(f.getType()));
            }
        }
        return types;
    }

    private RelDataType rowType(SqlOperatorBinding binding) {
        RelDataType input = binding.getOperandType(0);
        List<String> keys = keyNames(binding);
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataTypeFactory.Builder b = f.builder();
        Set<String> names = new HashSet<>();
        for (String k : keys) {
            RelDataTypeField field = input.getField(k, true, false);
            if (field == null) {
                throw new ValidationException("Group key '" + k + "' of table aggregate function '" + function.name()
                        + "' is not a column of its input " + input.getFieldNames());
            }
            names.add(field.getName());
            b.add(field.getName(), field.getType());
        }
        RowType result = function.tableAggregateResultType();
        List<String> given = resultNames(binding);
        if (!given.isEmpty() && given.size() != result.size()) {
            throw new ValidationException("flatAggregate's .as(...) gives " + given.size() + " names " + given
                    + " but the table aggregate function '" + function.name() + "' returns " + result.size()
                    + " columns " + result.names());
        }
        for (int i = 0; i < result.size(); i++) {
            String name = given.isEmpty() ? result.name(i) : given.get(i);
            if (!names.add(name)) {
                throw new ValidationException("Ambiguous column name: " + name + " is both a group key and a"
                        + " result column of table aggregate function '" + function.name() + "'; rename the result"
                        + " columns with .as(...)");
            }
            b.add(name, RelTypes.toRelDataType(result.type(i), f));
        }
        return b.build();
    }

    /** Accepts the call when an {@code accumulate} method takes the argument columns' types. */
    private static final class Checker implements SqlOperandTypeChecker {
        private final UserFunction function;

        Checker(UserFunction function) {
            this.function = function;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
            if (callBinding.getOperandCount() == 0 || !callBinding.getOperandType(0).isStruct()) {
                throw new ValidationException("Table aggregate function '" + function.name() + "' ("
                        + function.functionClass().getName() + ") is used with the Table API's flatAggregate, e.g."
                        + " table.groupBy($(\"k\")).flatAggregate(call(\"" + function.name() + "\", $(\"v\"))):"
                        + " Flink SQL has no syntax for table aggregate functions.");
            }
            for (int i = 1; i < callBinding.getOperandCount(); i++) {
                SqlNode operand = callBinding.operand(i);
                boolean keys = i == 1 && operand.getKind() == SqlKind.DESCRIPTOR;
                if (!keys && !(operand instanceof org.apache.calcite.sql.SqlCharStringLiteral)) {
                    throw new ValidationException("Table aggregate function '" + function.name() + "' is called as "
                            + function.name() + "(TABLE input [, DESCRIPTOR(group keys)] [, 'result column name',"
                            + " ...]), not with " + operand);
                }
            }
            List<LogicalType> args = argTypes(callBinding.getOperandType(0), keyNames(callBinding));
            if (function.resolve(args) != null) {
                return true;
            }
            List<String> sigs = new ArrayList<>();
            for (UdfMethod m : function.methods()) {
                sigs.add(m.signature("accumulate"));
            }
            throw new ValidationException("No accumulate method of table aggregate function '" + function.name()
                    + "' (" + function.functionClass().getName() + ") accepts arguments of types " + args
                    + ". Its methods: " + String.join("; ", sigs));
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.from(1);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(TABLE input [, DESCRIPTOR(keys)] [, 'name', ...])";
        }

        @Override
        public Consistency getConsistency() {
            return Consistency.NONE;
        }

        @Override
        public boolean isOptional(int i) {
            return i >= 1;
        }
    }
}
