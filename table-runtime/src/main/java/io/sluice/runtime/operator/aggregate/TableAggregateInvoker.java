package io.sluice.runtime.operator.aggregate;

/**
 * The generated glue between {@link GroupTableAggregateOperator} and one user-defined table aggregate function
 * ({@code io.sluice.table.functions.TableAggregateFunction}): {@code createAccumulator}, {@code accumulate} and
 * {@code retract} as for {@link UserAggregateInvoker} (whose {@code getValue} a table aggregate does not have:
 * it fails), plus the function instance itself, whose emit methods {@link TableAggregateEmitter} calls.
 */
public interface TableAggregateInvoker extends UserAggregateInvoker {

    /** The function instance this invoker calls (opened and closed through the invoker). */
    Object function();
}
