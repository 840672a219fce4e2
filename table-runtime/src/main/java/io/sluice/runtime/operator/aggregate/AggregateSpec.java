package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import java.util.Arrays;
import java.util.Objects;

/**
 * One aggregate call of a {@link HashAggregateOperator}: which function, over which input columns,
 * whether over distinct values only, with which FILTER column, and its result type (the type the
 * planner inferred; the operator writes exactly this type). A user-defined aggregate function
 * ({@link AggregateKind#USER_DEFINED}, made by {@link #userDefined}) also carries the generated class that
 * calls it.
 */
public final class AggregateSpec {
    private final AggregateKind kind;
    private final int[] argFields;
    private final boolean distinct;
    private final int filterField;
    private final LogicalType resultType;
    private final String name;
    private final GeneratedClass<UserAggregateInvoker> userAggregate;

    /**
     * @param argFields input columns; empty means {@code COUNT(*)}. Every kind but COUNT takes exactly one.
     * @param filterField -1, or a BOOLEAN input column: only rows where it is TRUE are aggregated
     */
    public AggregateSpec(AggregateKind kind, int[] argFields, boolean distinct, int filterField,
            LogicalType resultType, String name) {
        this(kind, argFields, distinct, filterField, resultType, name, null);
    }

    private AggregateSpec(AggregateKind kind, int[] argFields, boolean distinct, int filterField,
            LogicalType resultType, String name, GeneratedClass<UserAggregateInvoker> userAggregate) {
        this.kind = Objects.requireNonNull(kind);
        this.userAggregate = userAggregate;
        if (kind == AggregateKind.USER_DEFINED && userAggregate == null) {
            throw new IllegalArgumentException("a user-defined aggregate needs its invoker: use userDefined(...)");
        }
        this.argFields = argFields.clone();
        this.distinct = distinct;
        this.filterField = filterField;
        this.resultType = Objects.requireNonNull(resultType);
        this.name = name;
        if (kind != AggregateKind.COUNT && kind != AggregateKind.USER_DEFINED && this.argFields.length != 1) {
            throw new IllegalArgumentException(kind + " takes exactly one argument, got " + this.argFields.length);
        }
    }

    /**
     * A call of a user-defined aggregate function over input columns {@code argFields} (any number, in the
     * function's parameter order), called through {@code invoker} (one instance per operator instance).
     */
    public static AggregateSpec userDefined(int[] argFields, boolean distinct, int filterField,
            LogicalType resultType, String name, GeneratedClass<UserAggregateInvoker> invoker) {
        return new AggregateSpec(AggregateKind.USER_DEFINED, argFields, distinct, filterField, resultType, name,
                Objects.requireNonNull(invoker));
    }

    public AggregateKind kind() {
        return kind;
    }

    public int[] argFields() {
        return argFields.clone();
    }

    public boolean distinct() {
        return distinct;
    }

    public int filterField() {
        return filterField;
    }

    public LogicalType resultType() {
        return resultType;
    }

    public String name() {
        return name;
    }

    /** The generated invoker of a {@link AggregateKind#USER_DEFINED} aggregate, else null. */
    public GeneratedClass<UserAggregateInvoker> userAggregate() {
        return userAggregate;
    }

    @Override
    public String toString() {
        return kind + (distinct ? "(DISTINCT " : "(") + Arrays.toString(argFields) + ")"
                + (filterField >= 0 ? " FILTER $" + filterField : "") + " AS " + name + " " + resultType;
    }
}
