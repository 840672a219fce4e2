package io.sluice.runtime.operator.over;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;

/**
 * One function of an OVER window group: its kind, the input columns it reads, literal arguments, and
 * its result type.
 *
 * <p>{@code argFields}: the input columns of the arguments (empty for COUNT(*) and the ranking
 * functions). For LAG/LEAD: {@code argFields[0]} is the value; an optional {@code argFields[1]} is a
 * column giving the default. {@code constantArgs}: literal arguments as external Java values, e.g.
 * {@code [offset, default]} for LAG/LEAD (offset a Number, default 1; a default of the value's type) and
 * {@code [n]} for NTILE; may be empty.
 */
public final class OverFunctionSpec {
    private final OverFunctionKind kind;
    private final int[] argFields;
    private final Object[] constantArgs;
    private final LogicalType resultType;
    private final GeneratedClass<UserAggregateInvoker> userAggregate;
    private final String name;

    public OverFunctionSpec(OverFunctionKind kind, int[] argFields, Object[] constantArgs, LogicalType resultType) {
        this(kind, argFields, constantArgs, resultType, null, kind.name());
    }

    private OverFunctionSpec(OverFunctionKind kind, int[] argFields, Object[] constantArgs, LogicalType resultType,
            GeneratedClass<UserAggregateInvoker> userAggregate, String name) {
        this.kind = kind;
        this.argFields = argFields == null ? new int[0] : argFields.clone();
        this.constantArgs = constantArgs == null ? new Object[0] : constantArgs.clone();
        this.resultType = resultType;
        this.userAggregate = userAggregate;
        this.name = name;
    }

    /**
     * A call of a user-defined aggregate function named {@code name} with the input columns {@code argFields} as
     * arguments, through {@code invoker} (generated for exactly those columns' types).
     */
    public static OverFunctionSpec userDefined(String name, int[] argFields, LogicalType resultType,
            GeneratedClass<UserAggregateInvoker> invoker) {
        return new OverFunctionSpec(OverFunctionKind.USER_DEFINED, argFields, null, resultType, invoker, name);
    }

    /** The function's name: its kind, or the name of a user-defined function. */
    public String name() {
        return name;
    }

    /** The invoker of a {@link OverFunctionKind#USER_DEFINED} function; null for the other kinds. */
    public GeneratedClass<UserAggregateInvoker> userAggregate() {
        return userAggregate;
    }

    public OverFunctionKind kind() {
        return kind;
    }

    public int[] argFields() {
        return argFields.clone();
    }

    /** The input column of argument {@code i}. */
    public int argField(int i) {
        return argFields[i];
    }

    public int argCount() {
        return argFields.length;
    }

    /** Literal argument {@code i}, or null when there are fewer. */
    public Object constantArg(int i) {
        return i < constantArgs.length ? constantArgs[i] : null;
    }

    public LogicalType resultType() {
        return resultType;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argFields.length; i++) {
            sb.append(i > 0 ? ", $" : "$").append(argFields[i]);
        }
        for (Object c : constantArgs) {
            sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(c);
        }
        return sb.append("): ").append(resultType).toString();
    }
}
