package io.sluice.cli;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.print.ResultFormat;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: a {@code Sluice SQL> } prompt; Enter before a closing {@code ;} continues the statement
 * on the next line (the whole statement is one history entry); results are shown in the result mode
 * ({@link ResultMode}); errors are printed with a caret under the offending text and the shell goes on.
 * Tab completes ({@link SqlCompleter}), input is highlighted ({@link SqlHighlighter}), history is kept in
 * {@code ~/.sluice/history} (or the file named by the system property {@code sluice.cli.history}).
 * {@code QUIT;}, {@code EXIT;} or Ctrl-D leave; Ctrl-C drops the statement being typed, or cancels the running
 * query and returns to the prompt. Shell commands: see {@link ShellHelp}.
 */
public final class InteractiveShell {
    static final String PROMPT = "Sluice SQL> ";
    static final String CONTINUATION_PROMPT = "         > ";
    /** System property naming the history file (tests point it at a temporary file). */
    static final String HISTORY_PROPERTY = "sluice.cli.history";
    private static final String VERBOSE_KEY = "sql-client.verbose";
    /**
     * Input longer than this many characters gets a fresh line reader afterwards: JLine's edit buffer keeps the
     * capacity it grew to and copies all of it for undo on every key typed later, which a huge paste turns into
     * megabytes per key.
     */
    static final int LARGE_INPUT_CHARS = 16 * 1024;
    /** Statements longer than this many characters are not kept in the history (recalling them would be as costly). */
    static final int MAX_HISTORY_ENTRY_CHARS = 64 * 1024;
    /** Reads that fail one after another before the shell gives up on its terminal. */
    private static final int MAX_FAILED_READS = 20;

    private final TableEnvironment env;
    private final boolean verbose;
    /** Replaced by a fresh one after huge input; the job-failure callback prints above the current one. */
    private volatile LineReader reader;

    public InteractiveShell(TableEnvironment env, boolean verbose) {
        this.env = env;
        this.verbose = verbose;
    }

    /** Runs the shell on the system terminal until the user leaves. */
    public void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("sluice-sql").build()) {
            // A dumb terminal (TERM=dumb, or no terminal JLine can drive) does not take SIGINT from the JVM, whose
            // default handler would end the shell on Ctrl-C: hand the signal to the terminal, so Ctrl-C cancels the
            // running query as it does on a full terminal.
            Object previous = terminal.getType().startsWith(Terminal.TYPE_DUMB)
                    ? org.jline.utils.Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT)) : null;
            try {
                run(terminal);
            } finally {
                if (previous != null) {
                    org.jline.utils.Signals.unregister("INT", previous);
                }
            }
        }
    }

    /** Runs the shell on {@code terminal} until the user leaves (Ctrl-D, QUIT, or the end of the input). */
    public void run(Terminal terminal) {
        PrintWriter out = terminal.writer();
        ShellSession session = new ShellSession(env, terminal, out);
        reader = lineReader(terminal, new BoundedHistory());
        session.jobs().onFailure((job, error) -> reader.printAbove("[ERROR] Job " + job.client.getJobID() + " ("
                + job.name + ") failed: " + ErrorRenderer.message(error)));
        StatementExecutor executor = new StatementExecutor(env, ResultFormat.TABLEAU, out, out, false);
        executor.setShellHooks(session);
        out.println("Sluice SQL shell. End statements with ';'; HELP; lists the commands, QUIT; or Ctrl-D leaves.");
        out.flush();
        try {
            loop(terminal, executor, out);
        } finally {
            if (!(env instanceof io.sluice.cli.gateway.GatewayTableEnvironment)) {
                session.jobs().stopAll(); // in gateway mode jobs run on the server and outlive the shell
            }
            out.println("Goodbye!");
            out.flush();
        }
    }

    private LineReader lineReader(Terminal terminal, History history) {
        boolean color = !terminal.getType().startsWith(Terminal.TYPE_DUMB)
                && terminal.getNumericCapability(org.jline.utils.InfoCmp.Capability.max_colors) != null;
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .history(history)
                .appName("sluice-sql")
                .parser(new SqlLineParser())
                .completer(new SqlCompleter(env))
                .highlighter(new SqlHighlighter(() -> env.getConfig().getConfiguration(), color))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        Path file = historyFile();
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                builder.variable(LineReader.HISTORY_FILE, file);
            } catch (IOException | RuntimeException e) {
                terminal.writer().println("[WARNING] History is not kept: cannot create " + file.getParent());
            }
        }
        return builder.build();
    }

    /** {@code sluice.cli.history} if set (empty: no history file), else {@code ~/.sluice/history}. */
    static Path historyFile() {
        String configured = System.getProperty(HISTORY_PROPERTY);
        if (configured != null) {
            return configured.isBlank() ? null : Path.of(configured);
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".sluice", "history");
    }

    private void loop(Terminal terminal, StatementExecutor executor, PrintWriter out) {
        int failedReads = 0;
        while (true) {
            String text;
            try {
                text = reader.readLine(PROMPT);
                failedReads = 0;
            } catch (UserInterruptException e) {
                String partial = e.getPartialLine();
                if (partial != null && partial.length() > LARGE_INPUT_CHARS) {
                    reader = lineReader(terminal, reader.getHistory());
                }
                continue;
            } catch (EndOfFileException | IOError e) {
                return;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // input the line editor cannot take (e.g. more than the heap holds) drops that input, not the shell
                reader = lineReader(terminal, reader.getHistory());
                out.println();
                out.println("[ERROR] The input was dropped: " + ErrorRenderer.message(e));
                out.flush();
                if (++failedReads >= MAX_FAILED_READS) {
                    out.println("[ERROR] The terminal keeps failing; leaving.");
                    return;
                }
                continue;
            }
            if (text.length() > LARGE_INPUT_CHARS) {
                reader = lineReader(terminal, reader.getHistory());
            }
            if (text.isBlank()) {
                continue;
            }
            if (isQuit(text)) {
                return;
            }
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> executor.cancelRunning());
            try {
                new ScriptRunner(executor, out, verbose || verboseOption()).run(text, null);
            } catch (RuntimeException | LinkageError | VirtualMachineError e) {
                // the shell outlives anything a statement does
                out.println("[ERROR] " + ErrorRenderer.message(e));
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
                out.flush();
            }
        }
    }

    private boolean verboseOption() {
        String v = env.getConfig().getConfiguration().getString(VERBOSE_KEY);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    /** History that does not keep statements longer than {@link #MAX_HISTORY_ENTRY_CHARS}. */
    private static final class BoundedHistory extends DefaultHistory {
        @Override
        public void add(Instant time, String line) {
            if (line.length() <= MAX_HISTORY_ENTRY_CHARS) {
                super.add(time, line);
            }
        }
    }

    /** {@code QUIT} or {@code EXIT}, with or without {@code ;}, any case. */
    static boolean isQuit(String text) {
        String t = text.trim();
        if (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        t = t.toUpperCase(Locale.ROOT);
        return t.equals("QUIT") || t.equals("EXIT");
    }
}
