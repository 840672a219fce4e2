package io.sluice.runtime.operator.over;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import java.util.List;

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
    private final List<LogicalType> argTypes;

    public OverFunctionSpec(OverFunctionKind kind, int[] argFields, Object[] constantArgs, LogicalType resultType) {
        this(kind, argFields, constantArgs, resultType, null, kind.name(), List.of());
    }

    private OverFunctionSpec(OverFunctionKind kind, int[] argFields, Object[] constantArgs, LogicalType resultType,
            GeneratedClass<UserAggregateInvoker> userAggregate, String name, List<LogicalType> argTypes) {
        this.kind = kind;
        this.argFields = argFields == null ? new int[0] : argFields.clone();
        this.constantArgs = constantArgs == null ? new Object[0] : constantArgs.clone();
        this.resultType = resultType;
        this.userAggregate = userAggregate;
        this.name = name;
        this.argTypes = List.copyOf(argTypes);
    }

    /**
     * A call of a user-defined aggregate function named {@code name} through {@code invoker} (generated for
     * {@code argTypes}): argument {@code i} is input column {@code argFields[i]}, or, where that is negative, the literal
     * {@code constants[-argFields[i] - 1]} (an external Java value of {@code argTypes.get(i)}).
     */
    public static OverFunctionSpec userDefined(String name, int[] argFields, Object[] constants,
            List<LogicalType> argTypes, LogicalType resultType, GeneratedClass<UserAggregateInvoker> invoker) {
        return new OverFunctionSpec(OverFunctionKind.USER_DEFINED, argFields, constants, resultType, invoker, name,
                argTypes);
    }

    /** The types of a user-defined function's arguments (empty for the other kinds). */
    public List<LogicalType> argTypes() {
        return argTypes;
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
