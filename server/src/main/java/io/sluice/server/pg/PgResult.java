package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.TableResultImpl;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What one statement answers over the wire: either a command tag only (DDL, SET, BEGIN, ...), or columns and an
 * iterator of rows (finite, or endless for a streaming query) ending with {@code SELECT n}. A streaming query's
 * rows start with an {@code op} column holding the row kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}).
 * {@link #close()} releases the rows (and cancels the query's job); it may be called from another thread to cancel.
 */
final class PgResult implements AutoCloseable {
    private final List<PgColumn> columns;
    private final CloseableIterator<Row> rows;
    private final boolean withRowKind;
    private final String tag;
    private final JobClient job;
    private volatile boolean closed;
    private long sent;

    private PgResult(List<PgColumn> columns, CloseableIterator<Row> rows, boolean withRowKind, String tag,
            JobClient job) {
        this.columns = columns;
        this.rows = rows;
        this.withRowKind = withRowKind;
        this.tag = tag;
        this.job = job;
    }

    /** A result without rows, answered by CommandComplete with {@code tag}. */
    static PgResult command(String tag) {
        return new PgResult(List.of(), null, false, tag, null);
    }

    /** Fixed rows (catalog answers). */
    static PgResult rows(List<PgColumn> columns, List<Object[]> values) {
        Iterator<Object[]> it = values.iterator();
        CloseableIterator<Row> rows = new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return Row.of(it.next());
            }

            @Override
            public void close() {
            }
        };
        return new PgResult(columns, rows, false, null, null);
    }

    /** The result of a Sluice statement; {@code commandTag} answers statements without rows. */
    static PgResult of(TableResult result, String commandTag) {
        Optional<JobClient> job = result.getJobClient();
        if (result.getResultKind() == ResultKind.SUCCESS) {
            return new PgResult(List.of(), null, false, commandTag, job.orElse(null));
        }
        boolean streaming = result instanceof TableResultImpl && ((TableResultImpl) result).isStreaming();
        return new PgResult(describe(result.getResolvedSchema().getColumns(), streaming), result.collect(), streaming,
                null, job.orElse(null));
    }

    /** A submitted INSERT (or statement set): one row with the job's id, in column {@code job_id}. */
    static PgResult jobSubmitted(TableResult result) {
        JobClient job = result.getJobClient().orElseThrow(() -> new IllegalStateException("no job was submitted"));
        return new PgResult(jobIdColumns(), rows(jobIdColumns(), List.<Object[]>of(new Object[] {job.getJobID()})).rows,
                false, null, job);
    }

    static List<PgColumn> jobIdColumns() {
        return List.of(PgColumn.of("job_id", LogicalType.string()));
    }

    /** The columns clients see for a schema: the {@code op} row-kind column first for streaming results. */
    static List<PgColumn> describe(List<Column> schema, boolean streaming) {
        List<PgColumn> cols = new ArrayList<>();
        if (streaming) {
            cols.add(PgColumn.of("op", LogicalType.varchar(2)));
        }
        for (Column c : schema) {
            cols.add(PgColumn.of(c.getName(), c.getDataType().getLogicalType()));
        }
        return cols;
    }

    boolean hasRows() {
        return !columns.isEmpty();
    }

    List<PgColumn> columns() {
        return columns;
    }

    boolean isStreaming() {
        return withRowKind;
    }

    Optional<JobClient> job() {
        return Optional.ofNullable(job);
    }

    /** The next row's values (with the row kind first for streaming results), or null at the end. */
    Object[] nextRow() {
        if (closed || rows == null || !rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        sent++;
        int offset = withRowKind ? 1 : 0;
        Object[] values = new Object[row.getArity() + offset];
        if (withRowKind) {
            values[0] = row.getKind().shortString();
        }
        for (int i = 0; i < row.getArity(); i++) {
            values[i + offset] = row.getField(i);
        }
        return values;
    }

    long rowsSent() {
        return sent;
    }

    /** The CommandComplete tag once the rows (if any) are all sent. */
    String completionTag() {
        return hasRows() ? "SELECT " + sent : tag;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (rows != null) {
            rows.close();
        }
    }
}
