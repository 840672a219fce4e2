package io.sluice.server;

import io.sluice.server.flight.FlightSqlEndpoint;
import io.sluice.server.pg.PgServer;
import io.sluice.server.rest.RestGateway;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The long-running Sluice server ({@code bin/sluice-server}): the PostgreSQL wire protocol, the REST APIs and Arrow
 * Flight SQL over per-client sessions that share the server's catalogs and jobs. Started in the foreground; SIGTERM (or Ctrl-C) stops it through a
 * shutdown hook that stops running jobs (with a savepoint when {@code --savepoint-dir} is given).
 */
public final class SluiceServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SluiceServer.class.getName());
    /** The environment variable holding the password of user {@code sluice}. */
    public static final String PASSWORD_ENV = "SLUICE_SERVER_PASSWORD";

    private final ServerOptions options;
    private final SessionManager sessions;
    private final LoginThrottle loginThrottle = new LoginThrottle();
    private final PgServer pg;
    private final RestGateway rest;
    private final FlightSqlEndpoint flight;

    private SluiceServer(ServerOptions options) throws IOException {
        options.check();
        this.options = options;
        this.sessions = new SessionManager(options.allowedDirs(),
                new JobRegistry(options.jobHistorySize(), options.jobHistoryExpiration()));
        this.sessions.setMaxStatementLength(options.maxStatementLength());
        this.pg = new PgServer(options, sessions, loginThrottle);
        try {
            this.rest = options.httpPort() < 0 ? null : new RestGateway(options, sessions, loginThrottle);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        try {
            this.flight = options.flightPort() < 0 ? null : new FlightSqlEndpoint(options, sessions, loginThrottle);
        } catch (IOException | RuntimeException e) {
            pg.close();
            if (rest != null) {
                rest.close();
            }
            throw e;
        }
    }

    /** Starts a server with these options (ports 0 pick free ports). */
    public static SluiceServer start(ServerOptions options) throws IOException {
        return new SluiceServer(options);
    }

    public int pgPort() {
        return pg.port();
    }

    /** The REST port actually bound, or -1 when the REST endpoint is off. */
    public int httpPort() {
        return rest == null ? -1 : rest.port();
    }

    /** The Arrow Flight SQL port actually bound, or -1 when the Flight SQL endpoint is off. */
    public int flightPort() {
        return flight == null ? -1 : flight.port();
    }

    /** Failed logins over every protocol, per client address. */
    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public SessionManager sessions() {
        return sessions;
    }

    public ServerOptions options() {
        return options;
    }

    /** Stops accepting clients and stops every running job (with a savepoint where configured). */
    @Override
    public void close() throws IOException {
        pg.close();
        if (rest != null) {
            rest.close();
        }
        if (flight != null) {
            flight.close();
        }
        sessions.jobs().stopAll(options.savepointDir(), 30, message -> System.err.println("sluice-server: " + message));
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options;
        try {
            options = parse(args, System.getenv(PASSWORD_ENV));
        } catch (IllegalArgumentException e) {
            System.err.println("sluice-server: " + e.getMessage());
            System.err.println("Try 'sluice-server --help'.");
            System.exit(2);
            return;
        }
        if (options == null) {
            usage(System.out);
            return;
        }
        SluiceServer server;
        try {
            server = start(options);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("sluice-server: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("sluice-server: stopping");
            try {
                server.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the server failed", e);
            }
            stopped.countDown();
        }, "sluice-server-shutdown"));
        System.err.println("sluice-server: PostgreSQL protocol on " + options.bind().getHostAddress() + ":"
                + server.pgPort() + ", web UI, REST (Flink SQL Gateway and job API) and Prometheus /metrics on http://"
                + options.bind().getHostAddress() + ":" + server.httpPort() + "/"
                + (server.flightPort() < 0 ? "" : ", Arrow Flight SQL on " + options.bind().getHostAddress() + ":"
                + server.flightPort())
                + (options.passwordRequired() ? " (password required, user '" + ServerOptions.USER
                + "')" : " (no password)") + "; stop with Ctrl-C or SIGTERM");
        stopped.await();
    }

    /** Parses the command line; null means --help was asked for. */
    static ServerOptions parse(String[] args, String password) {
        ServerOptions o = ServerOptions.defaults()
                .withPassword(password == null || password.isEmpty() ? null : password);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--pg-port" -> o = o.withPorts(port(arg, value), o.httpPort(), o.flightPort());
                case "--http-port" -> o = o.withPorts(o.pgPort(), port(arg, value), o.flightPort());
                case "--flight-port" -> o = o.withFlightPort(value.equals("-1") ? -1 : port(arg, value));
                case "--bind" -> o = o.withBind(address(value));
                case "--max-result-rows" -> o = o.withMaxResultRows(number(arg, value));
                case "--idle-session-timeout" -> o = o.withIdleSessionTimeout(Duration.ofSeconds(number(arg, value)));
                case "--savepoint-dir" -> o = o.withSavepointDir(value);
                case "--allowed-dir" -> o = o.withAllowedDir(value);
                case "--max-statement-length" -> o = o.withMaxStatementLength((int) Math.min(Integer.MAX_VALUE,
                        Math.max(1, number(arg, value))));
                case "--job-history-size" -> o = o.withJobHistory((int) Math.min(Integer.MAX_VALUE,
                        number(arg, value)), o.jobHistoryExpiration());
                case "--job-history-expiration" -> o = o.withJobHistory(o.jobHistorySize(),
                        Duration.ofSeconds(number(arg, value)));
                default -> throw new IllegalArgumentException("unknown option " + arg + "; the options are --pg-port, "
                        + "--http-port, --flight-port, --bind, --max-result-rows, --max-statement-length, --idle-session-timeout,"
                        + " --savepoint-dir, --allowed-dir, --job-history-size, --job-history-expiration, --help");
            }
        }
        return o;
    }

    private static int port(String option, String value) {
        long p = number(option, value);
        if (p > 65535) {
            throw new IllegalArgumentException(option + " must be a port number (0-65535), not " + value);
        }
        return (int) p;
    }

    private static long number(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a non-negative number, not '" + value + "'");
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: sluice-server [options]");
        out.println("  --pg-port N                 PostgreSQL protocol port (default 5433)");
        out.println("  --http-port N               HTTP port: web UI, REST (Flink's SQL Gateway and job API) and");
        out.println("                              Prometheus /metrics (default 8081)");
        out.println("  --flight-port N             Arrow Flight SQL port (default 8815; -1: off)");
        out.println("  --bind ADDRESS              address to listen on (default 127.0.0.1); a non-loopback");
        out.println("                              address needs SLUICE_SERVER_PASSWORD");
        out.println("  --max-result-rows N         most rows one result sends to a client (default 0: no limit)");
        out.println("  --max-statement-length N    longest statement a client may send, in characters");
        out.println("                              (default 1048576)");
        out.println("  --idle-session-timeout S    close connections idle for S seconds (default 0: PostgreSQL never,");
        out.println("                              REST 10 minutes, Flight SQL one hour)");
        out.println("  --savepoint-dir DIR         on shutdown, stop running jobs with a savepoint under DIR");
        out.println("                              (default: cancel them)");
        out.println("  --allowed-dir DIR           files client sessions use (filesystem tables, plan files, jars,");
        out.println("                              catalog, checkpoint and savepoint directories) must lie under DIR");
        out.println("                              (repeatable; default: any path)");
        out.println("  --job-history-size N        ended jobs the REST API and web UI keep showing (default 1000)");
        out.println("  --job-history-expiration S  seconds an ended job is kept (default 3600)");
        out.println("Environment: SLUICE_SERVER_PASSWORD  password of user 'sluice' (SCRAM-SHA-256, HTTP Basic, Flight");
        out.println("             SQL Basic then bearer token); without it,");
        out.println("             clients connect without a password and only loopback binding is allowed.");
    }
}
