package io.sluice.cli;

import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * What the interactive shell adds to {@link StatementExecutor}: its own commands, the session's job list and the
 * result modes. Scripts run without hooks, so their output never depends on them.
 */
interface ShellHooks {
    /** How a query's rows were shown. */
    enum Outcome {
        /** The hooks did not show the rows; the executor prints them in its format. */
        NOT_SHOWN,
        /** All rows were shown. */
        SHOWN,
        /** The user left the view before the query ended; the executor cancels the job. */
        LEFT_BY_USER
    }

    /** Executes {@code statement} when it is a shell command (HELP, SHOW JOBS, STOP JOB, ...); false otherwise. */
    boolean executeClientCommand(String statement);

    /** A statement started a job (a query or an INSERT). */
    void jobStarted(String statement, JobClient job);

    /**
     * Shows a query's rows in the session's result mode, or returns {@link Outcome#NOT_SHOWN}.
     *
     * @param streaming whether rows carry changes (streaming mode)
     * @param cancelled true once Ctrl-C cancelled the query (its rows then end early)
     */
    Outcome showQuery(ResolvedSchema schema, Iterator<Row> rows, boolean streaming, BooleanSupplier cancelled);

    /**
     * Starts the progress line for a batch query whose rows the executor prints in tableau format, or returns
     * {@code null} when this shell shows none (a terminal that cannot redraw a line, a result mode with its own
     * display). The executor reads the rows through {@link QueryProgress#counting}, prints through
     * {@link QueryProgress#guard} and stops it when the query ends.
     */
    QueryProgress startBatchProgress();
}
