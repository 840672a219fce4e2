package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.types.RowType;
import java.time.Duration;
import java.util.List;

/**
 * Writes into a database table through JDBC. Without a primary key it appends (inserts only); with a
 * declared {@code PRIMARY KEY} it upserts ({@code +I/+U} insert or update the row with the key, {@code -U/-D}
 * delete it), so it accepts updating queries.
 *
 * <p><b>Streaming semantics.</b> Append mode consumes insert-only input; upsert mode any changelog. Rows are
 * buffered and flushed in one transaction when the buffer holds {@code sink.buffer-flush.max-rows} rows,
 * every {@code sink.buffer-flush.interval}, at every checkpoint and at the end of the input. Upsert writes are
 * idempotent, so replaying input after a restore from a checkpoint leaves the same table (exactly-once for
 * keyed tables); append mode is at-least-once.
 */
public final class JdbcTableSink implements DynamicTableSink {
    private final JdbcConnectionOptions connection;
    private final RowType physicalType;
    private final List<String> primaryKey;
    private final int maxRows;
    private final Duration interval;
    private final int maxRetries;

    JdbcTableSink(JdbcConnectionOptions connection, RowType physicalType, List<String> primaryKey, int maxRows,
            Duration interval, int maxRetries) {
        this.connection = connection;
        this.physicalType = physicalType;
        this.primaryKey = List.copyOf(primaryKey);
        this.maxRows = maxRows;
        this.interval = interval;
        this.maxRetries = maxRetries;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return primaryKey.isEmpty() ? ChangelogMode.insertOnly() : ChangelogMode.upsert();
    }

    @Override
    public SinkWriter createWriter(WriterContext context) {
        return new JdbcSinkWriter(connection, physicalType, primaryKey, maxRows, interval, maxRetries);
    }

    @Override
    public String describe() {
        return "jdbc(" + connection + (primaryKey.isEmpty() ? ", append" : ", upsert on " + primaryKey) + ")";
    }
}
