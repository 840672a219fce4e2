package io.sluice.connector.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL server for the tests, started once per test run by the script
 * {@code src/test/scripts/pg-test-cluster} (from the distribution's PostgreSQL server package) and stopped and
 * removed when the run ends. Use with {@code @ExtendWith(PostgresCluster.class)}, then {@link #get()}.
 * Without the PostgreSQL package the tests fail with the script's message.
 */
public final class PostgresCluster implements BeforeAllCallback {
    /**
     * The script: from this module's directory, from a sibling module's (the pipeline tests reuse it) or from the
     * repository root (the benchmarks).
     */
    private static final Path SCRIPT = java.util.stream.Stream.of(Path.of("src", "test", "scripts"),
            Path.of("..", "jdbc", "src", "test", "scripts"), Path.of("connectors", "jdbc", "src", "test", "scripts"))
            .map(d -> d.resolve("pg-test-cluster")).filter(Files::exists).findFirst()
            .orElse(Path.of("src", "test", "scripts", "pg-test-cluster"));
    private static volatile Server server;

    /** The running server (after the extension started it). */
    public static Server get() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not started: annotate the test class with"
                    + " @ExtendWith(PostgresCluster.class)");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PostgresCluster.class) {
            if (server == null) {
                Server s = Server.start();
                // the root store closes the server after the last test class of the run; the hook covers an
                // interrupted run (Ctrl-C, a killed fork)
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(PostgresCluster.class.getName(), s);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        s.close();
                    } catch (Exception e) {
                        // the JVM is exiting; the directory is a temporary one
                    }
                }, "pg-test-cluster-stop"));
                server = s;
            }
        }
    }

    /** A started server; closing it stops it and removes its directory. */
    public static final class Server implements AutoCloseable {
        private final Map<String, String> info;

        private Server(Map<String, String> info) {
            this.info = info;
        }

        /** Starts a server (stop it with {@link #close()}). */
        public static Server start() throws IOException, InterruptedException {
            return start(Map.of());
        }

        /** Starts a server with extra environment variables for the script (e.g. {@code PG_BIN}). */
        static Server start(Map<String, String> environment) throws IOException, InterruptedException {
            if (!Files.isExecutable(SCRIPT)) {
                throw new IllegalStateException("test harness script " + SCRIPT.toAbsolutePath() + " is missing");
            }
            ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "start");
            pb.environment().putAll(environment);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Cannot start the PostgreSQL test server (the jdbc tests need the"
                        + " PostgreSQL server package, e.g. Debian's postgresql-15): " + err.strip());
            }
            Map<String, String> info = new HashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    info.put(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            }
            return new Server(info);
        }

        /** JDBC URL of the {@code postgres} database (user {@code postgres}, no password needed). */
        public String jdbcUrl() {
            return info.get("JDBC_URL");
        }

        public int port() {
            return Integer.parseInt(info.get("PGPORT"));
        }

        /** A new connection as user postgres. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        /** Runs statements in PostgreSQL (the test's view of the database, not through Sluice). */
        public void execute(String... statements) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        /** Rows of a query in PostgreSQL, each as its column values joined by ", ". */
        public List<String> query(String sql) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        sb.append(i == 1 ? "" : ", ").append(rs.getString(i));
                    }
                    rows.add(sb.toString());
                }
            }
            return rows;
        }

        private boolean closed;

        @Override
        public synchronized void close() throws Exception {
            if (closed) {
                return;
            }
            closed = true;
            Process p = new ProcessBuilder(SCRIPT.toString(), "stop", info.get("PG_TEST_DIR"))
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            server = null;
        }
    }
}
