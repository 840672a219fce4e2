package io.sluice.runtime.connector;

/**
 * A {@link DynamicTableSink} whose table can be emptied by {@code TRUNCATE TABLE} (batch mode only), as Flink's
 * {@code SupportsTruncate}.
 */
public interface SupportsTruncate {
    /** Removes every row of the table; runs when the statement executes, before it returns. */
    void executeTruncation();
}
