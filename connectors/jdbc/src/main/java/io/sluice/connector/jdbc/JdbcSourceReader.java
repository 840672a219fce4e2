package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One parallel reader of a jdbc scan. Without partitioning reader 0 reads the whole table and the others
 * nothing; with partitioning each reader runs one {@code SELECT ... WHERE col BETWEEN ? AND ?} per range it
 * owns. Each {@link #pollNext} copies up to a batch of rows from the result set straight into Arrow vectors.
 */
final class JdbcSourceReader implements SourceReader {
    private final JdbcConnectionOptions connection;
    private final RowType physicalType;
    private final JdbcScanPartitions partitions;
    private final int fetchSize;
    private final boolean autoCommit;
    private final ReaderContext context;
    private final List<long[]> ranges = new ArrayList<>();
    private Connection conn;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private int nextRange;
    private boolean done;

    JdbcSourceReader(JdbcConnectionOptions connection, RowType physicalType, JdbcScanPartitions partitions,
            int fetchSize, boolean autoCommit, ReaderContext context) {
        this.connection = connection;
        this.physicalType = physicalType;
        this.partitions = partitions;
        this.fetchSize = fetchSize;
        this.autoCommit = autoCommit;
        this.context = context;
    }

    @Override
    public void open() throws Exception {
        if (partitions != null) {
            ranges.addAll(partitions.rangesOf(context.subtaskIndex(), context.parallelism()));
            done = ranges.isEmpty();
        } else {
            done = context.subtaskIndex() != 0;
        }
        if (done) {
            return;
        }
        List<String> columns = new ArrayList<>();
        for (int f : context.projectedFields()) {
            columns.add(physicalType.name(f));
        }
        String where = partitions == null ? null
                : connection.dialect().quoteIdentifier(partitions.column()) + " BETWEEN ? AND ?";
        String sql = connection.dialect().selectStatement(connection.tableName(), columns, where);
        try {
            conn = connection.connect();
            conn.setAutoCommit(autoCommit);
            statement = conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
        } catch (SQLException e) {
            throw JdbcErrors.wrap(connection, "cannot prepare the scan query " + sql, e);
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (done) {
            return ReadStatus.END_OF_INPUT;
        }
        try {
            if (resultSet == null && !startNextQuery()) {
                return ReadStatus.END_OF_INPUT;
            }
            int capacity = Math.max(1, context.batchSize());
            RowType type = context.producedType();
            RowBatch batch = RowBatch.allocate(type, context.allocator(), capacity);
            int rows = 0;
            try {
                while (rows < capacity && resultSet.next()) {
                    for (int c = 0; c < type.size(); c++) {
                        JdbcColumnReader.read(resultSet, c + 1, type.type(c), batch.vector(c), rows);
                    }
                    rows++;
                }
                batch.setRowCount(rows);
            } catch (SQLException | RuntimeException e) {
                batch.close();
                throw e;
            }
            if (rows < capacity) {
                resultSet.close();
                resultSet = null;
            }
            if (rows > 0) {
                output.emit(batch);
            } else {
                batch.close();
            }
            return ReadStatus.MORE_AVAILABLE;
        } catch (SQLException e) {
            throw JdbcErrors.wrap(connection, "reading failed", e);
        }
    }

    private boolean startNextQuery() throws SQLException {
        if (partitions == null) {
            if (nextRange++ > 0) {
                done = true;
                return false;
            }
        } else {
            if (nextRange >= ranges.size()) {
                done = true;
                return false;
            }
            long[] r = ranges.get(nextRange++);
            statement.setLong(1, r[0]);
            statement.setLong(2, r[1]);
        }
        resultSet = statement.executeQuery();
        return true;
    }

    @Override
    public void close() throws Exception {
        SQLException first = null;
        for (AutoCloseable c : new AutoCloseable[] {resultSet, statement, conn}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        resultSet = null;
        statement = null;
        conn = null;
        if (first != null) {
            throw new TableException("closing the jdbc reader of table " + connection.tableIdentifier() + " failed: "
                    + first.getMessage(), first);
        }
    }
}
