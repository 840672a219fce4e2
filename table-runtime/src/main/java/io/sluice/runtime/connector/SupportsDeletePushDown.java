package io.sluice.runtime.connector;

import java.util.Optional;

/**
 * A {@link DynamicTableSink} that deletes rows itself, without a job, for {@code DELETE FROM t} without a
 * {@code WHERE} condition (batch mode), as Flink's {@code SupportsDeletePushDown} does when every filter is
 * accepted. A {@code DELETE} with a condition runs as a job that sends the rows to delete to a sink implementing
 * {@link SupportsRowLevelDelete}.
 */
public interface SupportsDeletePushDown {
    /**
     * Deletes every row of the table.
     *
     * @return the number of rows deleted, when the external system reports it
     */
    Optional<Long> executeDeletion();
}
