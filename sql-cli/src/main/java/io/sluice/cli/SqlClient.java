package io.sluice.cli;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The {@code sluice-sql} command (started by {@code bin/sluice-sql}): runs {@code -i} first, then {@code -f} or
 * {@code -e}, else the script piped on stdin, else the interactive shell. All statements share one
 * {@link TableEnvironment} created in streaming mode (as Flink's SQL client does); {@code SET
 * 'execution.runtime-mode' = 'batch'} switches later statements. Exit code: 0 on success, 1 when a statement or
 * script file fails, 2 on a command-line error.
 */
public final class SqlClient {
    /** Set by the launcher to {@code true}/{@code false} after testing whether stdin is a terminal. */
    static final String STDIN_TTY_PROPERTY = "sluice.cli.stdin-tty";

    private SqlClient() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8));
        int code = run(args, System.in, out, err, stdinIsTerminal(),
                () -> TableEnvironment.create(EnvironmentSettings.inStreamingMode()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the client; returns the exit code.
     *
     * @param stdinIsTerminal whether, without {@code -f}/{@code -e}, to start the shell instead of reading {@code in}
     * @param envFactory creates the session's environment (called once, after the arguments are checked)
     */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean stdinIsTerminal,
            Supplier<TableEnvironment> envFactory) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliUsageException e) {
            err.println("[ERROR] " + e.getMessage());
            err.print(CliOptions.USAGE);
            err.flush();
            return 2;
        }
        if (options.help()) {
            out.print(CliOptions.USAGE);
            out.flush();
            return 0;
        }
        String missingJar = checkJars(options.jars());
        if (missingJar != null) {
            err.println("[ERROR] " + missingJar);
            err.flush();
            return 2;
        }
        TableEnvironment env;
        try {
            env = options.endpoint().isPresent()
                    ? new io.sluice.cli.gateway.GatewayTableEnvironment(options.endpoint().get(),
                            System.getenv("SLUICE_SERVER_PASSWORD"))
                    : envFactory.get();
        } catch (RuntimeException e) {
            err.println("[ERROR] Could not create the table environment: " + ErrorRenderer.message(e));
            if (options.verbose()) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
        StatementExecutor executor = new StatementExecutor(env, options.format(), out, err, true);
        ScriptRunner runner = new ScriptRunner(executor, err, options.verbose());
        try {
            if (options.initFile().isPresent() && !runFile(runner, options.initFile().get(), err)) {
                return 1;
            }
            if (options.scriptFile().isPresent()) {
                return runFile(runner, options.scriptFile().get(), err) ? 0 : 1;
            }
            if (options.executeSql().isPresent()) {
                return runner.run(options.executeSql().get(), null) ? 0 : 1;
            }
            if (!stdinIsTerminal) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return runner.run(stripBom(script), null) ? 0 : 1;
            }
            out.flush();
            err.flush();
            if (env instanceof io.sluice.table.api.internal.TableEnvironmentImpl) {
                warmUpPlannerInBackground();
            }
            new InteractiveShell(env, options.verbose()).run();
            return 0;
        } catch (IOException e) {
            err.println("[ERROR] Could not read the input: " + e);
            return 1;
        } finally {
            if (env instanceof AutoCloseable closeable) {
                try {
                    closeable.close(); // a gateway session ends; its jobs keep running on the server
                } catch (Exception e) {
                    err.println("[WARNING] Could not close the session: " + ErrorRenderer.message(e));
                }
            }
            out.flush();
            err.flush();
        }
    }

    /**
     * Null when every {@code -j} jar exists and is on the class path (the launcher puts it there), else the
     * problem.
     */
    static String checkJars(java.util.List<Path> jars) {
        java.util.Set<Path> classPath = new java.util.HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classPath.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                return "Jar '" + jar + "' does not exist.";
            }
            if (!classPath.contains(jar.toAbsolutePath().normalize())) {
                return "Jar '" + jar + "' is not on the class path: start the client with bin/sluice-sql, which "
                        + "adds -j jars to it.";
            }
        }
        return null;
    }

    /**
     * Plans a query on a throwaway environment in a daemon thread while the user types the first statement, so
     * the parser, validator and planner classes are loaded (and partly compiled) before the first real query.
     */
    private static void warmUpPlannerInBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                TableEnvironment.create(EnvironmentSettings.inStreamingMode()).explainSql("SELECT 1");
            } catch (Throwable e) {
                // only a speed-up: the real statement reports any problem itself
            }
        }, "sluice-sql-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    private static boolean runFile(ScriptRunner runner, Path file, PrintWriter err) {
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println("[ERROR] Could not read script file '" + file + "': " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return false;
        }
        return runner.run(stripBom(script), file.toString());
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static boolean stdinIsTerminal() {
        String flag = System.getProperty(STDIN_TTY_PROPERTY);
        if (flag != null) {
            return Boolean.parseBoolean(flag);
        }
        return System.console() != null;
    }
}
