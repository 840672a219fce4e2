package io.sluice.cli;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.print.ResultFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive loop: a {@code Sluice SQL> } prompt, statements spanning lines until a {@code ;}, results as
 * tableau, errors printed without leaving the loop. {@code QUIT;}, {@code EXIT;} or Ctrl-D end it; Ctrl-C drops
 * the statement being typed, or cancels the query whose rows are being printed.
 */
public final class InteractiveShell {
    static final String PROMPT = "Sluice SQL> ";
    static final String CONTINUATION_PROMPT = "> ";

    private final TableEnvironment env;
    private final boolean verbose;

    public InteractiveShell(TableEnvironment env, boolean verbose) {
        this.env = env;
        this.verbose = verbose;
    }

    /** Runs the loop on the system terminal until the user leaves. */
    public void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(null);
            parser.setEofOnUnclosedQuote(false);
            LineReaderBuilder builder = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("sluice-sql")
                    .parser(parser)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
            String home = System.getProperty("user.home");
            if (home != null) {
                builder.variable(LineReader.HISTORY_FILE, Path.of(home, ".sluice-sql-history"));
            }
            LineReader reader = builder.build();
            PrintWriter out = terminal.writer();
            StatementExecutor executor = new StatementExecutor(env, ResultFormat.TABLEAU, out, out, false);
            ScriptRunner runner = new ScriptRunner(executor, out, verbose);
            out.println("Sluice SQL shell. End statements with ';'. Type QUIT; or press Ctrl-D to leave.");
            out.flush();
            loop(terminal, reader, executor, runner);
            out.println("Goodbye!");
            out.flush();
        }
    }

    private static void loop(Terminal terminal, LineReader reader, StatementExecutor executor, ScriptRunner runner) {
        StringBuilder buffer = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(buffer.length() == 0 ? PROMPT : CONTINUATION_PROMPT);
            } catch (UserInterruptException e) {
                buffer.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            buffer.append(line).append('\n');
            String text = buffer.toString();
            if (text.isBlank()) {
                buffer.setLength(0);
                continue;
            }
            if (isQuit(text)) {
                return;
            }
            if (!StatementCompleteness.endsWithSemicolon(text)) {
                continue;
            }
            buffer.setLength(0);
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> executor.cancelRunning());
            try {
                runner.run(text, null);
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
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
