package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SupportsDeletePushDown;
import io.sluice.runtime.connector.SupportsRowLevelDelete;
import io.sluice.runtime.connector.SupportsRowLevelUpdate;
import io.sluice.runtime.connector.SupportsTruncate;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 *
 * <p><b>Row-level modification</b> (batch mode): {@code TRUNCATE TABLE} runs the database's {@code TRUNCATE TABLE};
 * {@code DELETE FROM t} without a condition runs {@code DELETE FROM table} in the database and reports the rows
 * it deleted; {@code DELETE ... WHERE} and {@code UPDATE} (tables with a primary key) run a job whose selected
 * rows are deleted by key or written back by key with their new values.
 */
public final class JdbcTableSink implements DynamicTableSink, SupportsTruncate, SupportsDeletePushDown,
        SupportsRowLevelDelete, SupportsRowLevelUpdate {
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

    @Override
    public void executeTruncation() {
        execute("TRUNCATE TABLE", "TRUNCATE TABLE " + connection.dialect().quoteTableName(connection.tableName()));
    }

    @Override
    public java.util.Optional<Long> executeDeletion() {
        return java.util.Optional.of(execute("DELETE",
                "DELETE FROM " + connection.dialect().quoteTableName(connection.tableName())));
    }

    @Override
    public void applyRowLevelDelete() {
        requireKey("DELETE");
    }

    @Override
    public void applyRowLevelUpdate(List<String> updatedColumns) {
        requireKey("UPDATE");
        for (String c : updatedColumns) {
            if (primaryKey.contains(c)) {
                throw new ValidationException("UPDATE of table " + connection.tableIdentifier() + " sets primary"
                        + " key column '" + c + "': a JDBC table identifies the rows to update by their key, which"
                        + " an UPDATE cannot change.");
            }
        }
    }

    private void requireKey(String statement) {
        if (primaryKey.isEmpty()) {
            throw new ValidationException(statement + " of single rows in JDBC table "
                    + connection.tableIdentifier() + " needs a PRIMARY KEY (...) NOT ENFORCED on the table: the"
                    + " selected rows are " + (statement.equals("DELETE") ? "deleted" : "written back")
                    + " by their key.");
        }
    }

    /** Runs one statement in the database in its own transaction; returns the update count. */
    private long execute(String what, String sql) {
        try (Connection c = connection.connect(); Statement st = c.createStatement()) {
            return Math.max(0, st.executeLargeUpdate(sql));
        } catch (SQLException e) {
            throw JdbcErrors.wrap(connection, what, e);
        }
    }
}
