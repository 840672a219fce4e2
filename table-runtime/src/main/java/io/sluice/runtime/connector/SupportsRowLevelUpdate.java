package io.sluice.runtime.connector;

import java.util.List;

/**
 * A {@link DynamicTableSink} that updates single rows for {@code UPDATE t SET ... [WHERE ...]} (batch mode), as
 * Flink's {@code SupportsRowLevelUpdate} in its {@code UPDATED_ROWS} mode: the statement runs a job that writes
 * each updated row (all physical columns, the new values in the updated columns) as a
 * {@link io.sluice.types.RowKind#UPDATE_AFTER} row into the sink's writer.
 */
public interface SupportsRowLevelUpdate {
    /**
     * Called before the job is planned with the columns the statement sets; the sink prepares to receive the
     * updated rows, or throws a {@link io.sluice.table.api.ValidationException} saying why it cannot (for example
     * a table without a primary key, or an update of a key column).
     */
    void applyRowLevelUpdate(List<String> updatedColumns);
}
