package io.sluice.table.api.internal;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableResult;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A {@link TableResult} over fixed rows (DDL, SHOW, ...) or over a running job's collected rows. */
public final class TableResultImpl implements TableResult {
    private final ResultKind kind;
    private final ResolvedSchema schema;
    private final JobExecution job;
    private final List<Row> rows;
    private final CloseableIterator<Row> iterator;
    private final boolean streaming;
    private final ZoneId zone;
    private boolean consumed;
    private String warning;

    private TableResultImpl(ResultKind kind, ResolvedSchema schema, JobExecution job, List<Row> rows,
            CloseableIterator<Row> iterator, Configuration config) {
        this.kind = kind;
        this.schema = schema;
        this.job = job;
        this.rows = rows;
        this.iterator = iterator;
        this.streaming = config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        this.zone = ZoneId.of(config.get(ExecutionOptions.LOCAL_TIME_ZONE));
    }

    /** "OK" for statements without rows. */
    public static TableResult ok(Configuration config) {
        return new TableResultImpl(ResultKind.SUCCESS,
                ResolvedSchema.of(io.sluice.table.api.Column.physical("result", io.sluice.table.api.DataTypes.STRING())),
                null, List.of(Row.of("OK")), null, batch(config));
    }

    /** "OK", with a warning the shell shows after its success line. */
    public static TableResult okWithWarning(Configuration config, String warning) {
        TableResultImpl r = (TableResultImpl) ok(config);
        r.warning = warning;
        return r;
    }

    /** A warning about a statement that succeeded (shown by the shell as {@code [WARNING]}), or null. */
    public String warning() {
        return warning;
    }

    /** Fixed rows, always printed without row kinds. */
    public static TableResult ofRows(ResolvedSchema schema, List<Row> rows, Configuration config) {
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, null, rows, null, batch(config));
    }

    /** The rows of a running query job. */
    static TableResult ofJob(ResolvedSchema schema, JobExecution job, CloseableIterator<Row> iterator,
            Configuration config) {
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, job, null, iterator, config);
    }

    /** A submitted INSERT job: one row with the job id. */
    static TableResult ofInsertJob(ResolvedSchema schema, JobExecution job, List<Row> rows, Configuration config) {
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, job, rows, null, batch(config));
    }

    private static Configuration batch(Configuration config) {
        return config.copy().set(ExecutionOptions.RUNTIME_MODE, RuntimeMode.BATCH);
    }

    @Override
    public ResultKind getResultKind() {
        return kind;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    /** The job behind this result, or null. */
    JobExecution job() {
        return job;
    }

    @Override
    public Optional<JobClient> getJobClient() {
        return job == null ? Optional.empty() : Optional.of(new JobClientImpl(job));
    }

    /** Whether this is a query's result whose rows come from a running job (not fixed rows, not an INSERT's job id). */
    public boolean isQueryJob() {
        return iterator != null;
    }

    /** Whether rows of this result carry meaningful row kinds (a streaming query). */
    public boolean isStreaming() {
        return streaming && iterator != null;
    }

    @Override
    public CloseableIterator<Row> collect() {
        if (consumed) {
            throw new IllegalStateException("The result has already been collected or printed.");
        }
        consumed = true;
        if (iterator != null) {
            return iterator;
        }
        Iterator<Row> it = rows.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void print() {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (CloseableIterator<Row> it = collect()) {
            new TableauPrinter(isStreaming(), zone, TableauPrinter.DEFAULT_MAX_COLUMN_WIDTH).print(schema, it, out);
        }
        out.flush();
    }

    @Override
    public void await() throws Exception {
        if (job != null) {
            job.await();
        }
    }
}
