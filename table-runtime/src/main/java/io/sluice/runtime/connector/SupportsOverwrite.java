package io.sluice.runtime.connector;

/**
 * A {@link DynamicTableSink} that can replace the existing content of its table ({@code INSERT OVERWRITE}).
 * The planner calls {@link #applyOverwrite} once, before any writer is created; a sink without this ability
 * rejects {@code INSERT OVERWRITE} at planning time.
 */
public interface SupportsOverwrite {
    /**
     * With {@code overwrite} true, the rows the job writes replace the table's existing rows once the job
     * finishes successfully; a failed job leaves the existing rows in place.
     */
    void applyOverwrite(boolean overwrite);
}
