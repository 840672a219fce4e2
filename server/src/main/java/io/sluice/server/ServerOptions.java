package io.sluice.server;

import java.net.InetAddress;
import java.time.Duration;

/**
 * The server's settings: ports, bind address, the password clients must give (null: no authentication), the most
 * rows one result may send to a client, how long an idle session lives, and where running jobs' savepoints go on
 * shutdown.
 *
 * @param pgPort the PostgreSQL protocol port (0: any free port)
 * @param httpPort the REST port (0: any free port; -1: no REST endpoint)
 * @param bind the address both ports listen on
 * @param password the password of user {@code sluice}, or null for no authentication (loopback only)
 * @param maxResultRows the most rows one statement's result sends to a client (0: unlimited)
 * @param idleSessionTimeout idle sessions are closed after this long (zero: never)
 * @param savepointDir where running jobs' savepoints are written on shutdown (null: jobs are cancelled)
 * @param allowedDirs the directories filesystem tables of server sessions may use (empty: any)
 * @param flightPort the Arrow Flight SQL port (0: any free port; -1: no Flight SQL endpoint)
 * @param jobHistorySize how many ended jobs the REST API and the UI keep showing (the oldest ended go first)
 * @param jobHistoryExpiration how long an ended job is kept for the REST API and the UI
 * @param maxStatementLength the most characters one statement (or script of statements) a client sends may have
 */
public record ServerOptions(int pgPort, int httpPort, InetAddress bind, String password, long maxResultRows,
        Duration idleSessionTimeout, String savepointDir, java.util.List<String> allowedDirs, int flightPort,
        int jobHistorySize, Duration jobHistoryExpiration, int maxStatementLength) {

    public static final int DEFAULT_PG_PORT = 5433;
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final int DEFAULT_FLIGHT_PORT = 8815;
    /** Ended jobs kept (Flink's {@code jobstore.max-capacity} has no limit; a server that runs many queries needs one). */
    public static final int DEFAULT_JOB_HISTORY_SIZE = 1000;
    /** The longest statement a client may send: one million characters. */
    public static final int DEFAULT_MAX_STATEMENT_LENGTH = 1 << 20;
    /** How long ended jobs are kept, as Flink's {@code jobstore.expiration-time} (one hour). */
    public static final Duration DEFAULT_JOB_HISTORY_EXPIRATION = Duration.ofHours(1);
    /** The only user name the server accepts. */
    public static final String USER = "sluice";

    /**
     * The defaults: 5433, 8081 and 8815 (Arrow Flight SQL) on loopback, no password, no row limit, no idle timeout.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_PG_PORT, DEFAULT_HTTP_PORT, InetAddress.getLoopbackAddress(), null, 0,
                Duration.ZERO, null, java.util.List.of(), DEFAULT_FLIGHT_PORT, DEFAULT_JOB_HISTORY_SIZE,
                DEFAULT_JOB_HISTORY_EXPIRATION, DEFAULT_MAX_STATEMENT_LENGTH);
    }

    /** The Arrow Flight SQL port (0: any free port; -1: none). */
    public ServerOptions withFlightPort(int port) {
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, port, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    /** These PostgreSQL and HTTP ports (0: any free port; HTTP -1: none), without a Flight SQL endpoint. */
    public ServerOptions withPorts(int pg, int http) {
        return withPorts(pg, http, -1);
    }

    /** These PostgreSQL, HTTP and Flight SQL ports (0: any free port; HTTP or Flight -1: none). */
    public ServerOptions withPorts(int pg, int http, int flight) {
        return new ServerOptions(pg, http, bind, password, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, flight, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    public ServerOptions withPassword(String newPassword) {
        return new ServerOptions(pgPort, httpPort, bind, newPassword, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    public ServerOptions withMaxResultRows(long rows) {
        return new ServerOptions(pgPort, httpPort, bind, password, rows, idleSessionTimeout, savepointDir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    public ServerOptions withIdleSessionTimeout(Duration timeout) {
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, timeout, savepointDir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    public ServerOptions withBind(InetAddress address) {
        return new ServerOptions(pgPort, httpPort, address, password, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    public ServerOptions withSavepointDir(String dir) {
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, idleSessionTimeout, dir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    /** Adds a directory that filesystem tables of server sessions may use (once any is given, only those). */
    public ServerOptions withAllowedDir(String dir) {
        java.util.List<String> dirs = new java.util.ArrayList<>(allowedDirs);
        dirs.add(java.nio.file.Path.of(dir).toAbsolutePath().normalize().toString());
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, idleSessionTimeout, savepointDir,
                java.util.List.copyOf(dirs), flightPort, jobHistorySize, jobHistoryExpiration, maxStatementLength);
    }

    /** Keeps at most {@code size} ended jobs, each for at most {@code expiration}. */
    public ServerOptions withJobHistory(int size, Duration expiration) {
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, flightPort, size, expiration, maxStatementLength);
    }

    /** Statements longer than {@code length} characters are refused. */
    public ServerOptions withMaxStatementLength(int length) {
        return new ServerOptions(pgPort, httpPort, bind, password, maxResultRows, idleSessionTimeout, savepointDir,
                allowedDirs, flightPort, jobHistorySize, jobHistoryExpiration, length);
    }

    public boolean passwordRequired() {
        return password != null;
    }

    /** Refuses settings that would expose an unauthenticated server to the network. */
    public void check() {
        if (!bind.isLoopbackAddress() && password == null) {
            throw new IllegalArgumentException("refusing to listen on " + bind.getHostAddress()
                    + " without a password: set SLUICE_SERVER_PASSWORD (clients then log in as user '" + USER
                    + "'), or bind to a loopback address such as 127.0.0.1");
        }
    }
}
