package io.sluice.runtime.operator.correlate;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Generated code calling a table function for every row of a batch: for row {@code i} it calls
 * {@link CorrelateCollector#startRow(int)}, evaluates the arguments and calls {@code eval} (which emits
 * rows through the collector), then {@link CorrelateCollector#endRow()}.
 */
public interface BatchTableFunction {
    /** Makes the function instance send {@code collect(..)} rows to {@code collector}. */
    void setCollector(CorrelateCollector collector);

    /** Calls the function for rows {@code [0, rowCount)} of {@code input}. */
    void process(VectorSchemaRoot input, int rowCount, CorrelateCollector collector);
}
