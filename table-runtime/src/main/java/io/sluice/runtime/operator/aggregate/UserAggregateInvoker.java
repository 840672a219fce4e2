package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.generated.UsesUserFunctions;
import org.apache.arrow.vector.FieldVector;

/**
 * The generated glue between an aggregation operator and one user-defined aggregate function
 * ({@code io.sluice.table.functions.AggregateFunction}): each instance holds its own function instance
 * (opened and closed through {@link UsesUserFunctions}) and calls the function's {@code accumulate} and
 * {@code retract} methods directly, reading the arguments from typed Arrow vectors.
 *
 * <p>Argument semantics (as in Flink): {@code args[j]} is the vector of the call's argument {@code j}; a
 * NULL argument is passed as {@code null} to a boxed parameter; a row whose argument for a primitive
 * parameter is NULL is skipped (the accumulator is unchanged). Accumulators are opaque objects of the
 * function's accumulator class. Called from the operator's task thread only.
 */
public interface UserAggregateInvoker extends UsesUserFunctions {

    /** A new, empty accumulator ({@code createAccumulator()} of the function). */
    Object createAccumulator();

    /** Folds row {@code row} of the argument vectors into {@code acc}. */
    void accumulate(Object acc, FieldVector[] args, int row);

    /**
     * Folds rows {@code [0, rows)}: row {@code i} goes into {@code accs[groupIds[i]]}, or is skipped
     * when that id is negative. Every accumulator addressed must exist.
     */
    void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows);

    /** Whether the function has a {@code retract} method for the chosen {@code accumulate} signature. */
    boolean canRetract();

    /**
     * Takes row {@code row} of the argument vectors back out of {@code acc}; fails when
     * {@link #canRetract()} is false.
     */
    void retract(Object acc, FieldVector[] args, int row);

    /** The result for {@code acc} as the external Java value of the result type (null for SQL NULL). */
    Object getValue(Object acc);

    /** The function's name and class, for error messages. */
    String functionDescription();
}
