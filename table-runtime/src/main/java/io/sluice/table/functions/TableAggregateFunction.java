package io.sluice.table.functions;

/**
 * A user-defined table aggregate function, used with the Table API's {@code flatAggregate}: like an
 * {@link AggregateFunction} it keeps one accumulator per group, created by {@link #createAccumulator}, and public
 * methods {@code accumulate(ACC acc, args...)} fold a row in ({@code retract(ACC acc, args...)} takes one back
 * out, needed over an updating input; {@code merge(ACC acc, Iterable<ACC> others)} is optional). Instead of one
 * value it emits zero or more rows per group: a public method {@code emitValue(ACC acc, Collector<T> out)} calls
 * {@code out.collect(row)} for every row of the group's current result ({@code Collector} is
 * {@link io.sluice.util.Collector}). Optionally, a
 * public method {@code emitUpdateWithRetract(ACC acc, RetractableCollector<T> out)} emits only what changed since
 * the group's last emission ({@code out.retract(old)}, {@code out.collect(new)}); when present it is used in
 * streaming mode instead of {@code emitValue}.
 *
 * <p>Argument types are inferred as for {@link ScalarFunction}. The result row type comes from
 * {@code @DataTypeHint("ROW<name TYPE, ...>")} (or a single type: one column {@code f0}) on the class or on the
 * emit method, else from {@code T}: a tuple class {@code TupleN<...>} gives columns {@code f0 .. fN-1} of its
 * type arguments' types, a single value class one column {@code f0}.
 *
 * @param <T> the type of emitted rows
 * @param <ACC> the accumulator type
 */
public abstract class TableAggregateFunction<T, ACC> extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;

    /** A new, empty accumulator. */
    public abstract ACC createAccumulator();

    /**
     * Receives the rows of {@code emitUpdateWithRetract}: {@link #collect} adds a row to the group's result,
     * {@link #retract} takes back a row emitted earlier.
     *
     * @param <T> the type of emitted rows
     */
    public interface RetractableCollector<T> extends io.sluice.util.Collector<T> {
        /** Retracts a result row emitted earlier. */
        void retract(T record);
    }
}
