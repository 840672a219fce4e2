package io.sluice.cli;

import io.sluice.table.print.ResultFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed command line of {@link SqlClient}. */
public final class CliOptions {
    /** The help text printed by {@code -h}/{@code --help} and after a usage error. */
    public static final String USAGE = String.join("\n",
            "Usage: sluice-sql [options]",
            "",
            "Runs Flink SQL statements. Without -f or -e, reads the script from standard input, or starts the",
            "interactive shell when standard input is a terminal.",
            "",
            "Options:",
            "  -i, --init <file>      Run this script first (e.g. DDL), then continue with -f, -e or the shell.",
            "  -f, --file <file>      Run the statements of this script file and exit.",
            "  -e, --execute <sql>    Run these statements and exit.",
            "      --format <format>  How query results are printed: " + ResultFormat.VALID_NAMES,
            "                         (default tableau; the interactive shell uses the option",
            "                         'sql-client.execution.result-mode' instead: tableau, table, changelog).",
            "  -j, --jar <file>       Add a jar (connectors, formats, functions) to the class path; repeatable.",
            "      --endpoint <url>   Run the statements in a session of a Sluice server (its Flink SQL Gateway",
            "                         REST API, e.g. http://127.0.0.1:8081); jobs outlive the client. The password",
            "                         of a server that needs one is read from SLUICE_SERVER_PASSWORD.",
            "  -v, --verbose          Print the stack trace of errors.",
            "  -h, --help             Print this help and exit.",
            "",
            "Query results go to standard output; status lines and errors go to standard error.",
            "A failing statement stops a script with exit code 1.",
            "");

    private final Path initFile;
    private final Path scriptFile;
    private final String executeSql;
    private final ResultFormat format;
    private final boolean verbose;
    private final boolean help;
    private final List<Path> jars;
    private final String endpoint;

    private CliOptions(Path initFile, Path scriptFile, String executeSql, ResultFormat format, boolean verbose,
            boolean help, List<Path> jars, String endpoint) {
        this.jars = List.copyOf(jars);
        this.endpoint = endpoint;
        this.initFile = initFile;
        this.scriptFile = scriptFile;
        this.executeSql = executeSql;
        this.format = format;
        this.verbose = verbose;
        this.help = help;
    }

    /**
     * Parses the arguments ({@code --opt value} and {@code --opt=value} forms).
     *
     * @throws CliUsageException on an unknown or repeated option, a missing value, an unknown format, or both
     *     {@code -f} and {@code -e}
     */
    public static CliOptions parse(String... args) {
        Path init = null;
        Path file = null;
        String execute = null;
        ResultFormat format = null;
        boolean verbose = false;
        boolean help = false;
        List<Path> jars = new ArrayList<>();
        String endpoint = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (inlineValue != null && (name.equals("--help") || name.equals("--verbose"))) {
                throw new CliUsageException("Option " + name + " takes no value.");
            }
            switch (name) {
                case "-h":
                case "--help":
                    help = true;
                    break;
                case "-v":
                case "--verbose":
                    verbose = true;
                    break;
                case "-i":
                case "--init":
                    checkUnset(init, name);
                    init = Path.of(inlineValue != null ? inlineValue : value(args, ++i, name));
                    break;
                case "-f":
                case "--file":
                    checkUnset(file, name);
                    file = Path.of(inlineValue != null ? inlineValue : value(args, ++i, name));
                    break;
                case "-e":
                case "--execute":
                    checkUnset(execute, name);
                    execute = inlineValue != null ? inlineValue : value(args, ++i, name);
                    break;
                case "-j":
                case "--jar":
                    jars.add(Path.of(inlineValue != null ? inlineValue : value(args, ++i, name)));
                    break;
                case "--endpoint":
                    checkUnset(endpoint, name);
                    endpoint = inlineValue != null ? inlineValue : value(args, ++i, name);
                    if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
                        throw new CliUsageException("Option --endpoint needs an http:// or https:// URL, not '"
                                + endpoint + "'.");
                    }
                    break;
                case "--format":
                    checkUnset(format, name);
                    String f = inlineValue != null ? inlineValue : value(args, ++i, name);
                    try {
                        format = ResultFormat.parse(f);
                    } catch (IllegalArgumentException e) {
                        throw new CliUsageException(e.getMessage());
                    }
                    break;
                default:
                    throw new CliUsageException(arg.startsWith("-")
                            ? "Unknown option '" + arg + "'." : "Unexpected argument '" + arg + "'.");
            }
        }
        if (file != null && execute != null) {
            throw new CliUsageException("Options -f and -e cannot be used together.");
        }
        return new CliOptions(init, file, execute, format == null ? ResultFormat.TABLEAU : format, verbose, help,
                jars, endpoint);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new CliUsageException("Option " + option + " needs a value.");
        }
        return args[i];
    }

    private static void checkUnset(Object current, String option) {
        if (current != null) {
            throw new CliUsageException("Option " + option + " is given more than once.");
        }
    }

    public Optional<Path> initFile() {
        return Optional.ofNullable(initFile);
    }

    public Optional<Path> scriptFile() {
        return Optional.ofNullable(scriptFile);
    }

    public Optional<String> executeSql() {
        return Optional.ofNullable(executeSql);
    }

    public ResultFormat format() {
        return format;
    }

    public boolean verbose() {
        return verbose;
    }

    /** The server URL of {@code --endpoint} (gateway mode), if given. */
    public java.util.Optional<String> endpoint() {
        return java.util.Optional.ofNullable(endpoint);
    }

    /** Jars given with {@code -j}/{@code --jar}; {@code bin/sluice-sql} puts them on the class path. */
    public List<Path> jars() {
        return jars;
    }

    public boolean help() {
        return help;
    }
}
