package io.sluice.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the statements of a script one after another through a {@link StatementExecutor}, stopping at the first
 * failure, which it reports on {@code err} with its script line and column (see {@link ErrorRenderer}).
 */
public final class ScriptRunner {
    private final StatementExecutor executor;
    private final PrintWriter err;
    private final boolean verbose;

    public ScriptRunner(StatementExecutor executor, PrintWriter err, boolean verbose) {
        this.executor = executor;
        this.err = err;
        this.verbose = verbose;
    }

    /**
     * Runs a whole script.
     *
     * @param sourceName the file name shown in error positions, or {@code null}
     * @return true when every statement succeeded
     */
    public boolean run(String script, String sourceName) {
        List<ScriptStatementRef> statements;
        try {
            statements = Scripts.split(script);
        } catch (RuntimeException e) {
            // the splitter's positions are already relative to the whole script
            ErrorRenderer.Position pos = ErrorRenderer.relativePosition(e);
            if (pos == null) {
                pos = new ErrorRenderer.Position(1, 1);
            }
            report(ErrorRenderer.render(e, script, sourceName, pos, verbose));
            return false;
        }
        return run(statements, script, sourceName);
    }

    /** Runs already split statements of {@code script}; returns true when all succeeded. */
    public boolean run(List<ScriptStatementRef> statements, String script, String sourceName) {
        try {
            for (ScriptStatementRef statement : statements) {
                try {
                    executor.execute(statement.text());
                } catch (RuntimeException | StackOverflowError e) {
                    report(ErrorRenderer.render(e, script, sourceName, statement, verbose));
                    return false;
                }
            }
            return true;
        } finally {
            report(executor.takeBadRecordsSummary()); // records the script's sources could not decode, if any
        }
    }

    private void report(String text) {
        err.print(text);
        err.flush();
    }
}
