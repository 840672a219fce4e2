package io.sluice.codegen.udf;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;

/**
 * Accepts a call when one of the function's methods takes its argument types (exactly or by implicit
 * widening); otherwise Calcite reports "Cannot apply 'f' to arguments of type 'f(&lt;VARCHAR&gt;)'. Supported
 * form(s): ..." listing every signature.
 */
final class EvalOperandChecker implements SqlOperandTypeChecker {
    private final UserFunction function;

    EvalOperandChecker(UserFunction function) {
        this.function = function;
    }

    static List<LogicalType> argTypes(SqlOperatorBinding binding) {
        List<LogicalType> types = new ArrayList<>();
        for (RelDataType t : binding.collectOperandTypes()) {
            types.add(RelTypes.toLogicalType(t));
        }
        return types;
    }

    /** The method the binding's argument types select; fails when there is none. */
    static UdfMethod resolve(UserFunction function, SqlOperatorBinding binding) {
        UdfMethod m = function.resolve(argTypes(binding));
        if (m == null) {
            throw new IllegalStateException("no method of " + function + " accepts " + argTypes(binding));
        }
        return m;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        if (function.resolve(argTypes(callBinding)) != null) {
            return true;
        }
        if (throwOnFailure) {
            throw callBinding.newValidationSignatureError();
        }
        return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (UdfMethod m : function.methods()) {
            min = Math.min(min, m.minArgs());
            max = m.maxArgs() < 0 || max < 0 ? -1 : Math.max(max, m.maxArgs());
        }
        return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
        List<String> sigs = new ArrayList<>();
        for (UdfMethod m : function.methods()) {
            sigs.add(m.signature(opName));
        }
        return String.join("\n", sigs);
    }

    @Override
    public Consistency getConsistency() {
        return Consistency.NONE;
    }

    @Override
    public boolean isOptional(int i) {
        return false;
    }
}
