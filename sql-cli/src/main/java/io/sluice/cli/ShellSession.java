package io.sluice.cli;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.types.LogicalType;
import io.sluice.sql.parser.SqlParseException;
import io.sluice.sql.parser.StatementParser;
import io.sluice.sql.parser.ast.ClientCommandStatement;
import io.sluice.sql.parser.ast.ParsedStatement;
import io.sluice.sql.parser.ast.ShowStatement;
import io.sluice.sql.parser.ast.StopJobStatement;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataType;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.print.ResultPrinter;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive shell's side of statement execution ({@link ShellHooks}): {@code HELP}, {@code CLEAR},
 * {@code SHOW JOBS} and {@code STOP JOB} are answered here; every job is recorded in {@link SessionJobs}; query
 * rows are shown in the session's {@link ResultMode}.
 */
final class ShellSession implements ShellHooks {
    private static final Set<String> CLIENT_WORDS = Set.of("HELP", "CLEAR", "SHOW", "STOP");
    private static final ResolvedSchema JOBS_SCHEMA = ResolvedSchema.of(
            Column.physical("job id", new DataType(LogicalType.string())),
            Column.physical("job name", new DataType(LogicalType.string())),
            Column.physical("status", new DataType(LogicalType.string())),
            Column.physical("start time", new DataType(LogicalType.string())));

    private final TableEnvironment env;
    private final Terminal terminal;
    private final PrintWriter out;
    private final SessionJobs jobs = new SessionJobs();

    ShellSession(TableEnvironment env, Terminal terminal, PrintWriter out) {
        this.env = env;
        this.terminal = terminal;
        this.out = out;
    }

    SessionJobs jobs() {
        return jobs;
    }

    @Override
    public boolean executeClientCommand(String statement) {
        String word = StatementKinds.firstWord(statement).toUpperCase(Locale.ROOT);
        if (!CLIENT_WORDS.contains(word)) {
            return false;
        }
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (SqlParseException e) {
            return false; // the environment reports the syntax error with its position
        }
        if (parsed instanceof ClientCommandStatement) {
            ClientCommandStatement.Command command = ((ClientCommandStatement) parsed).command();
            if (command == ClientCommandStatement.Command.HELP) {
                out.print(ShellHelp.TEXT);
            } else if (command == ClientCommandStatement.Command.CLEAR) {
                terminal.puts(InfoCmp.Capability.clear_screen);
            } else {
                return false; // QUIT inside a longer input: the loop only ends on QUIT alone
            }
            out.flush();
            return true;
        }
        if (parsed instanceof ShowStatement && ((ShowStatement) parsed).kind() == ShowStatement.Kind.JOBS) {
            showJobs();
            return true;
        }
        if (parsed instanceof StopJobStatement) {
            StopJobStatement stop = (StopJobStatement) parsed;
            // WITH DRAIN drains the job before the savepoint; without a savepoint it stops the job, as in Flink
            if (stop.isWithSavepoint()) {
                var config = env.getConfig().getConfiguration();
                var dirOption = io.sluice.runtime.config.CheckpointingOptions.SAVEPOINT_DIRECTORY;
                String path;
                try {
                    path = jobs.stopWithSavepoint(stop.jobId(),
                            config.contains(dirOption) ? config.get(dirOption) : null, stop.isWithDrain());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new io.sluice.table.api.TableException(e.getMessage(), e);
                }
                out.println("[INFO] The specified job is stopped with savepoint " + path + ".");
                out.flush();
                return true;
            }
            jobs.stop(stop.jobId());
            out.println("[INFO] The specified job is stopped.");
            out.flush();
            return true;
        }
        return false;
    }

    private void showJobs() {
        List<Row> rows = new ArrayList<>();
        for (String[] job : jobs.rows()) {
            rows.add(Row.of((Object[]) job));
        }
        new TableauPrinter(false, ZoneId.systemDefault(), 80).print(JOBS_SCHEMA, rows.iterator(), out);
    }

    @Override
    public void jobStarted(String statement, JobClient job) {
        jobs.started(job, statement);
    }

    @Override
    public Outcome showQuery(ResolvedSchema schema, Iterator<Row> rows, boolean streaming, BooleanSupplier cancelled) {
        switch (ResultMode.of(env.getConfig().getConfiguration())) {
            case CHANGELOG:
                new ChangelogPrinter(zone(), ResultPrinter.DEFAULT_MAX_COLUMN_WIDTH).print(schema, rows, out);
                return Outcome.SHOWN;
            case TABLE:
                if (!TableResultView.supports(terminal)) {
                    out.println("[INFO] The 'table' result mode needs a full-screen terminal; showing the rows as "
                            + "tableau.");
                    out.flush();
                    return Outcome.NOT_SHOWN;
                }
                return new TableResultView(terminal, schema, zone()).show(rows, cancelled);
            default:
                return Outcome.NOT_SHOWN;
        }
    }

    @Override
    public QueryProgress startBatchProgress() {
        String type = terminal.getType();
        if (type == null || type.startsWith(Terminal.TYPE_DUMB)
                || ResultMode.of(env.getConfig().getConfiguration()) != ResultMode.TABLEAU) {
            return null;
        }
        return QueryProgress.start(terminal);
    }

    private ZoneId zone() {
        String zone = env.getConfig().get(ExecutionOptions.LOCAL_TIME_ZONE);
        return zone == null || zone.equalsIgnoreCase("default") ? ZoneId.systemDefault() : ZoneId.of(zone);
    }
}
