package io.sluice.runtime.connector;

/**
 * A {@link DynamicTableSink} that deletes single rows for {@code DELETE FROM t WHERE ...} (batch mode), as Flink's
 * {@code SupportsRowLevelDelete} in its {@code DELETED_ROWS} mode: the statement runs a job that writes each row to
 * delete (all physical columns) as a {@link io.sluice.types.RowKind#DELETE} row into the sink's writer.
 */
public interface SupportsRowLevelDelete {
    /**
     * Called before the job is planned; the sink prepares to receive the rows to delete, or throws a
     * {@link io.sluice.table.api.ValidationException} saying why it cannot identify rows (for example a table
     * without a primary key).
     */
    void applyRowLevelDelete();
}
