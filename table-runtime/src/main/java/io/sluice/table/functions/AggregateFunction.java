package io.sluice.table.functions;

/**
 * A user-defined aggregate function for {@code GROUP BY} (batch and streaming). The engine keeps one
 * accumulator per group, created by {@link #createAccumulator}; public methods
 * {@code accumulate(ACC acc, args...)} fold a row in, {@code retract(ACC acc, args...)} take one back out
 * (required for streaming aggregations over updating input), {@code merge(ACC acc, Iterable<ACC> others)}
 * is optional, and {@link #getValue} produces the result. Argument types are inferred as for
 * {@link ScalarFunction}; the result type from the return type of {@code getValue} (or a
 * {@link DataTypeHint} on it). Rows whose argument for a primitive parameter is NULL are skipped.
 *
 * @param <T> the result type
 * @param <ACC> the accumulator type
 */
public abstract class AggregateFunction<T, ACC> extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;

    /** A new, empty accumulator. */
    public abstract ACC createAccumulator();

    /** The result for the rows folded into {@code accumulator}. */
    public abstract T getValue(ACC accumulator);
}
