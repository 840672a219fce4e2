package io.sluice.codegen.udf;

/**
 * A scalar function that prefers to be called once per batch: in a generated Calc, a call of such a function whose
 * arguments contain no other user-defined function is evaluated in a first pass over the batch (arguments of every
 * row that passes the condition are collected as external Java objects, exactly as {@code eval} would receive them),
 * then {@link #evalBatch} computes all results at once and the projection reads them. Elsewhere (filters, join
 * conditions, nested calls) the function's {@code eval} methods are called per row as for any scalar function.
 */
public interface BatchScalarFunction {
    /**
     * The results of {@code rowCount} rows: {@code arguments[a][r]} is argument {@code a} of row {@code r} (null
     * for SQL NULL); the result array holds instances of the resolved {@code eval} method's return class, or null.
     */
    Object[] evalBatch(Object[][] arguments, int rowCount);
}
