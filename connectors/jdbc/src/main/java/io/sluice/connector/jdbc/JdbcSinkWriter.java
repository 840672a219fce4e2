package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One parallel instance of a jdbc sink. Rows are copied out of each batch into a buffer; in upsert mode the
 * buffer keeps only the last change per key (later changes replace earlier ones). A flush writes the buffer in
 * one transaction (deletes, then upserts, or the inserts of append mode) and retries it up to
 * {@code sink.max-retries} times on a fresh connection. A timer thread flushes every
 * {@code sink.buffer-flush.interval}; a failure there is reported by the next call from the task thread.
 */
final class JdbcSinkWriter implements SinkWriter {
    private final JdbcConnectionOptions connection;
    private final RowType type;
    private final int[] keyFields;
    private final int maxRows;
    private final Duration interval;
    private final int maxRetries;
    private final String writeSql;
    private final String deleteSql;
    /** Append mode: rows in arrival order. */
    private final List<Object[]> appended = new ArrayList<>();
    /** Upsert mode: per key, the last row and whether it is a delete. */
    private final Map<List<Object>, Change> changes = new LinkedHashMap<>();
    private Connection conn;
    private ScheduledExecutorService timer;
    private volatile Exception timerFailure;

    private record Change(Object[] row, boolean delete) {
    }

    JdbcSinkWriter(JdbcConnectionOptions connection, RowType type, List<String> primaryKey, int maxRows,
            Duration interval, int maxRetries) {
        this.connection = connection;
        this.type = type;
        this.keyFields = primaryKey.stream().mapToInt(type::indexOf).toArray();
        this.maxRows = maxRows;
        this.interval = interval;
        this.maxRetries = maxRetries;
        String table = connection.tableName();
        this.writeSql = primaryKey.isEmpty() ? connection.dialect().insertStatement(table, type.names())
                : connection.dialect().upsertStatement(table, type.names(), primaryKey);
        this.deleteSql = primaryKey.isEmpty() ? null : connection.dialect().deleteStatement(table, primaryKey);
    }

    @Override
    public void open() throws Exception {
        conn = connect();
        if (!interval.isZero() && !interval.isNegative()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jdbc-sink-flush " + connection.tableIdentifier());
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, interval.toMillis());
            timer.scheduleWithFixedDelay(this::flushFromTimer, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private Connection connect() {
        try {
            Connection c = connection.connect();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw JdbcErrors.wrap(connection, "cannot connect", e);
        }
    }

    private void flushFromTimer() {
        try {
            flush();
        } catch (Exception e) {
            timerFailure = e;
        }
    }

    private void checkTimer() throws Exception {
        Exception e = timerFailure;
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void write(RowBatch batch) throws Exception {
        checkTimer();
        int buffered;
        synchronized (this) {
            int n = batch.rowCount();
            for (int r = 0; r < n; r++) {
                Object[] row = new Object[type.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = VectorValues.get(type.type(c), batch.vector(c), r);
                }
                if (deleteSql == null) {
                    appended.add(row);
                } else {
                    RowKind kind = batch.rowKind(r);
                    boolean delete = kind == RowKind.DELETE || kind == RowKind.UPDATE_BEFORE;
                    changes.put(key(row), new Change(row, delete));
                }
            }
            buffered = appended.size() + changes.size();
        }
        if (maxRows > 0 && buffered >= maxRows) {
            flush();
        }
    }

    private List<Object> key(Object[] row) {
        Object[] k = new Object[keyFields.length];
        for (int i = 0; i < k.length; i++) {
            Object v = row[keyFields[i]];
            k[i] = v instanceof byte[] ? new BytesKey((byte[]) v) : v;
        }
        return Arrays.asList(k);
    }

    /** A byte array as a map key, compared by content. */
    private record BytesKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BytesKey && Arrays.equals(bytes, ((BytesKey) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** Writes the buffer in one transaction, retrying on a new connection. */
    synchronized void flush() throws Exception {
        if (appended.isEmpty() && changes.isEmpty()) {
            return;
        }
        SQLException last = null;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            try {
                if (conn == null || !conn.isValid(connection.timeoutSeconds())) {
                    closeConnection();
                    conn = connection.connect();
                    conn.setAutoCommit(false);
                }
                writeBuffer();
                conn.commit();
                appended.clear();
                changes.clear();
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    if (conn != null) {
                        conn.rollback();
                    }
                } catch (SQLException ignored) {
                    closeConnection();
                }
                if (attempt < maxRetries) {
                    Thread.sleep(100L * (attempt + 1));
                }
            }
        }
        throw JdbcErrors.wrap(connection, "writing " + (appended.size() + changes.size()) + " rows failed after "
                + maxRetries + " retries", last);
    }

    private void writeBuffer() throws SQLException {
        if (deleteSql == null) {
            try (PreparedStatement ps = conn.prepareStatement(writeSql)) {
                for (Object[] row : appended) {
                    bindRow(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        try (PreparedStatement delete = conn.prepareStatement(deleteSql);
                PreparedStatement upsert = conn.prepareStatement(writeSql)) {
            boolean anyDelete = false;
            boolean anyUpsert = false;
            for (Change c : changes.values()) {
                if (c.delete()) {
                    for (int i = 0; i < keyFields.length; i++) {
                        JdbcValueBinder.bind(delete, i + 1, type.type(keyFields[i]), c.row()[keyFields[i]]);
                    }
                    delete.addBatch();
                    anyDelete = true;
                } else {
                    bindRow(upsert, c.row());
                    upsert.addBatch();
                    anyUpsert = true;
                }
            }
            if (anyDelete) {
                delete.executeBatch();
            }
            if (anyUpsert) {
                upsert.executeBatch();
            }
        }
    }

    private void bindRow(PreparedStatement ps, Object[] row) throws SQLException {
        for (int c = 0; c < row.length; c++) {
            JdbcValueBinder.bind(ps, c + 1, type.type(c), row[c]);
        }
    }

    @Override
    public void finish() throws Exception {
        checkTimer();
        flush();
    }

    /** Flushes, so that everything before the checkpoint is in the database; nothing to restore. */
    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        checkTimer();
        flush();
        return null;
    }

    @Override
    public void close() throws Exception {
        if (timer != null) {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
        synchronized (this) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            }
            conn = null;
        }
    }

    @Override
    public String toString() {
        return "JdbcSinkWriter(" + connection + ")";
    }
}
