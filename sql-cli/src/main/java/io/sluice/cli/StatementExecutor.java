package io.sluice.cli;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.print.ResultFormat;
import io.sluice.table.print.ResultPrinter;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Runs one statement on a {@link TableEnvironment} and shows its outcome: rows of results with content go to
 * {@code out} in the chosen format (with the {@code op} column exactly when the statement is a query and
 * {@code execution.runtime-mode} is streaming at that moment; in tableau format the text of {@code EXPLAIN} and
 * {@code SHOW CREATE} is one cell of a {@code result} column, as in Flink's client); {@code [INFO]} lines go to
 * {@code err}. In the interactive shell a batch query printed in tableau format shows a {@link QueryProgress} line
 * until its table prints. INSERT and other DML report their job id and, when {@code awaitDml} is set (scripts), wait
 * for the job to finish so later statements see its output and the process does not end under it; with
 * {@code table.dml-sync} they wait and report that the job completed.
 */
public final class StatementExecutor {
    /** Flink SQL client's older option for the tableau column cap (the fallback key of the one below). */
    static final String MAX_COLUMN_WIDTH_KEY = "sql-client.display.max-column-width";
    /** Flink's option for the tableau column cap (Flink 1.18 on). */
    static final String TABLE_MAX_COLUMN_WIDTH_KEY = "table.display.max-column-width";
    /** Flink's option: DML statements wait for their job. */
    static final String DML_SYNC_KEY = "table.dml-sync";

    private final TableEnvironment env;
    private final ResultFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean awaitDml;
    /** Jobs started since the last {@link #takeBadRecordsSummary}. */
    private final java.util.List<JobClient> startedJobs = new java.util.ArrayList<>();
    private volatile TableResult running;
    private volatile CloseableIterator<Row> runningRows;
    private volatile boolean cancelRequested;
    private ShellHooks hooks;

    public StatementExecutor(TableEnvironment env, ResultFormat format, PrintWriter out, PrintWriter err,
            boolean awaitDml) {
        this.env = env;
        this.format = format;
        this.out = out;
        this.err = err;
        this.awaitDml = awaitDml;
    }

    /** Lets the interactive shell add its commands, job list and result modes (scripts have none). */
    void setShellHooks(ShellHooks hooks) {
        this.hooks = hooks;
    }

    /**
     * Executes the statement and prints its outcome.
     *
     * @throws RuntimeException whatever {@code executeSql} or the job threw (job failures are unwrapped)
     */
    public void execute(String statement) {
        if (hooks != null && hooks.executeClientCommand(statement)) {
            return;
        }
        TableResult result = env.executeSql(statement);
        result.getJobClient().ifPresent(startedJobs::add);
        if (hooks != null) {
            result.getJobClient().ifPresent(job -> hooks.jobStarted(statement, job));
        }
        if (result.getResultKind() == ResultKind.SUCCESS) {
            info("Execute statement succeeded.");
            if (result instanceof io.sluice.table.api.internal.TableResultImpl r && r.warning() != null) {
                err.println("[WARNING] " + r.warning());
                err.flush();
            }
            return;
        }
        if (StatementKinds.isDml(statement)
                || (result.getJobClient().isPresent() && !StatementKinds.isQuery(statement))) {
            submitted(result); // INSERT, statement sets, CREATE TABLE ... AS SELECT
            return;
        }
        boolean query = result.getJobClient().isPresent();
        boolean streaming = env.getConfig().get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        // Like Flink's client, only query results are cut to the column width; SHOW, DESCRIBE, SET and EXPLAIN
        // print whole (the text of SHOW CREATE and EXPLAIN in one cell as wide as its text, newlines included).
        ResultPrinter printer = ResultPrinter.forFormat(format, query && streaming, localTimeZone(),
                StatementKinds.isMetadata(statement) || StatementKinds.isRawContent(statement)
                        ? Integer.MAX_VALUE : maxColumnWidth());
        cancelRequested = false;
        running = result;
        QueryProgress progress = null;
        try {
            try (CloseableIterator<Row> rows = result.collect()) {
                runningRows = rows;
                ShellHooks.Outcome outcome = hooks == null || !query ? ShellHooks.Outcome.NOT_SHOWN
                        : hooks.showQuery(result.getResolvedSchema(), rows, query && streaming, () -> cancelRequested);
                if (outcome == ShellHooks.Outcome.NOT_SHOWN) {
                    progress = hooks != null && query && !streaming && format == ResultFormat.TABLEAU
                            ? hooks.startBatchProgress() : null;
                    if (progress == null) {
                        printer.print(result.getResolvedSchema(), rows, out);
                    } else {
                        printer.print(result.getResolvedSchema(), progress.counting(rows), progress.guard(out));
                    }
                } else if (outcome == ShellHooks.Outcome.LEFT_BY_USER) {
                    cancelRequested = true;
                    result.getJobClient().ifPresent(JobClient::cancel);
                }
            } finally {
                if (progress != null) {
                    progress.stop();
                }
                runningRows = null;
                running = null;
            }
            await(result);
        } catch (RuntimeException e) {
            if (!cancelRequested) {
                throw e;
            }
        }
        if (cancelRequested) {
            out.flush();
            info("Query terminated.");
        }
    }

    /** Cancels the statement that is printing rows right now, if any (the shell's Ctrl-C). Any thread may call it. */
    public void cancelRunning() {
        TableResult result = running;
        CloseableIterator<Row> rows = runningRows;
        if (result == null) {
            return;
        }
        cancelRequested = true;
        result.getJobClient().ifPresent(JobClient::cancel);
        if (rows != null) {
            rows.close();
        }
    }

    /**
     * The outcome of DML, as Flink's client prints it: with {@code table.dml-sync} it waits for the job and says it
     * completed; otherwise it says the job was submitted and gives its id (and a script still waits for it).
     */
    private void submitted(TableResult result) {
        if (Boolean.parseBoolean(env.getConfig().getConfiguration().toMap().getOrDefault(DML_SYNC_KEY, "false"))) {
            await(result);
            info("Complete execution of the SQL update statement.");
            return;
        }
        Optional<JobClient> job = result.getJobClient();
        info("Submitting SQL update statement to the cluster...");
        info("SQL update statement has been successfully submitted to the cluster:");
        err.println("Job ID: " + job.map(JobClient::getJobID).orElse("<none>"));
        err.flush();
        if (awaitDml) {
            await(result);
        }
    }

    private static void await(TableResult result) {
        try {
            result.await();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException("Interrupted while waiting for the job to finish", e);
        } catch (CancellationException e) {
            throw new TableException("The job was cancelled", e);
        } catch (Exception e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new TableException("The job failed: " + t, t);
    }

    /**
     * The bad-record counts of the sources of the jobs started since the last call (a Sluice addition): one
     * {@code [INFO]} line per source table that routed records to its bad-records table or skipped them
     * ({@code ignore-parse-errors}), or the empty string when none did. Counts of jobs still running are those so far.
     */
    public String takeBadRecordsSummary() {
        java.util.List<JobClient> jobs = new java.util.ArrayList<>(startedJobs);
        startedJobs.clear();
        return BadRecordsSummary.of(jobs);
    }

    private void info(String message) {
        err.println("[INFO] " + message);
        err.flush();
    }

    private ZoneId localTimeZone() {
        String zone = env.getConfig().get(ExecutionOptions.LOCAL_TIME_ZONE);
        return zone == null || zone.equalsIgnoreCase("default") ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** Flink 2.x's {@code table.display.max-column-width}, else its older key {@code sql-client.display...}. */
    private int maxColumnWidth() {
        String key = TABLE_MAX_COLUMN_WIDTH_KEY;
        String raw = env.getConfig().getConfiguration().getString(key);
        if (raw == null) {
            key = MAX_COLUMN_WIDTH_KEY;
            raw = env.getConfig().getConfiguration().getString(key);
        }
        if (raw == null) {
            return ResultPrinter.DEFAULT_MAX_COLUMN_WIDTH;
        }
        try {
            return Math.max(4, Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            throw new TableException("Option '" + key + "' must be a number, was '" + raw + "'");
        }
    }
}
