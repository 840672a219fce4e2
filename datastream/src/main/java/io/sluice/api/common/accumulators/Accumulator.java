package io.sluice.api.common.accumulators;

import java.io.Serializable;

/**
 * A value that the functions of one parallel instance add to ({@code getRuntimeContext().addAccumulator(name, acc)});
 * when the job ends, the accumulators of the same name of all instances are merged and the result is in
 * {@code JobExecutionResult.getAccumulatorResult(name)}.
 *
 * @param <V> the type of the values added
 * @param <R> the type of the result
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {

    /** Adds a value to this instance's accumulator. */
    void add(V value);

    /** The value accumulated in this instance. */
    R getLocalValue();

    /** Starts again from the empty value. */
    void resetLocal();

    /** Adds what {@code other} accumulated to this accumulator. */
    void merge(Accumulator<V, R> other);

    /** A copy of this accumulator with its value. */
    Accumulator<V, R> clone();
}
