package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server limits with real pgjdbc clients: filesystem tables of client sessions stay under {@code --allowed-dir} (and
 * a session cannot lift that), and 50 clients at once each run their own DDL and queries, after which no session or
 * running job is left behind.
 */
class ServerLimitsTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void filesystemTablesStayUnderTheAllowedDirectories() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(allowed.resolve("a.csv"), "1\n2\n");
        Files.writeString(outside.resolve("b.csv"), "3\n");
        try (SluiceServer server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, -1)
                .withAllowedDir(allowed.toString()));
                Connection c = ServerTestSupport.connect(server); Statement st = c.createStatement()) {
            st.execute("SET 'execution.runtime-mode' = 'batch'");
            st.execute("CREATE TABLE inside_t (n INT) WITH ('connector' = 'filesystem', 'path' = '" + allowed
                    + "', 'format' = 'csv')");
            try (ResultSet rs = st.executeQuery("SELECT SUM(n) AS total FROM inside_t")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt("total"));
            }
            st.execute("CREATE TABLE outside_t (n INT) WITH ('connector' = 'filesystem', 'path' = '" + outside
                    + "', 'format' = 'csv')");
            SQLException read = assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM outside_t"));
            assertTrue(read.getMessage().contains("may only read and write under"), read.getMessage());
            st.execute("CREATE TABLE sneaky (n INT) WITH ('connector' = 'filesystem', 'path' = '" + allowed
                    + "/../outside', 'format' = 'csv')");
            SQLException dots = assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM sneaky"));
            assertTrue(dots.getMessage().contains("may only read and write under"), dots.getMessage());
            SQLException lift = assertThrows(SQLException.class,
                    () -> st.execute("SET 'sluice.filesystem.allowed-paths' = '/'"));
            assertTrue(lift.getMessage().contains("cannot be changed by a session"), lift.getMessage());
            st.execute("RESET");
            SQLException afterReset = assertThrows(SQLException.class,
                    () -> st.executeQuery("SELECT * FROM outside_t"));
            assertTrue(afterReset.getMessage().contains("may only read and write under"), afterReset.getMessage());
        }
    }

    /**
     * Besides filesystem tables, the allow-list covers plan files (COMPILE PLAN, EXECUTE PLAN), jars (ADD JAR), the
     * directories of persistent catalogs, the checkpoint and savepoint directories a session sets (also through the
     * SQL Gateway's {@code executionConfig}) and the REST API's savepoint directories.
     */
    @Test
    @Timeout(120)
    void plansJarsCatalogsCheckpointsAndSavepointsStayUnderTheAllowedDirectories() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(allowed.resolve("link-out"), outside);
        try (SluiceServer server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, 0)
                .withAllowedDir(allowed.toString()));
                Connection c = ServerTestSupport.connect(server); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gen (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
            st.execute("CREATE TABLE sink_t (n INT) WITH ('connector' = 'blackhole')");
            st.execute("COMPILE PLAN '" + allowed.resolve("plan.json") + "' FOR INSERT INTO sink_t SELECT n FROM gen");
            assertTrue(Files.exists(allowed.resolve("plan.json")));
            st.execute("CREATE CATALOG kept WITH ('type' = 'sluice', 'path' = '" + allowed.resolve("catalog") + "')");
            st.execute("SET 'execution.checkpointing.dir' = 'file://" + allowed.resolve("checkpoints") + "'");
            List<String> refused = List.of(
                    "COMPILE PLAN '" + outside.resolve("plan.json") + "' FOR INSERT INTO sink_t SELECT n FROM gen",
                    "COMPILE PLAN '" + allowed.resolve("link-out/plan.json") + "' FOR INSERT INTO sink_t SELECT n FROM gen",
                    "EXECUTE PLAN '" + outside.resolve("plan.json") + "'",
                    "ADD JAR '" + outside.resolve("udf.jar") + "'",
                    "CREATE CATALOG escaped WITH ('type' = 'sluice', 'path' = '" + outside.resolve("catalog") + "')",
                    "ALTER CATALOG kept SET ('path' = '" + outside + "')",
                    "SET 'execution.checkpointing.dir' = '" + outside + "'",
                    "SET 'execution.checkpointing.dir' = 'file://" + allowed + "/../outside'",
                    "SET 'execution.checkpointing.savepoint-dir' = '" + outside + "'",
                    "SET 'execution.savepoint.path' = '" + outside.resolve("savepoint-1") + "'",
                    "SET 'state.checkpoints.dir' = '" + outside + "'");
            for (String statement : refused) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(statement), statement);
                assertTrue(e.getMessage().contains("server sessions may only read and write under"),
                        statement + ": " + e.getMessage());
            }
            assertTrue(!Files.exists(outside.resolve("plan.json")) && !Files.exists(outside.resolve("catalog")));

            io.sluice.server.rest.RestClient rest = new io.sluice.server.rest.RestClient(server.httpPort());
            String session = rest.openSession();
            var escape = rest.call("POST", "/v1/sessions/" + session + "/statements", "{\"statement\": \"SELECT 1\","
                    + " \"executionConfig\": {\"execution.checkpointing.dir\": \"" + outside + "\"}}");
            assertEquals(400, escape.statusCode(), escape.body());
            var lift = rest.call("POST", "/v1/sessions/" + session + "/statements", "{\"statement\": \"SELECT 1\","
                    + " \"executionConfig\": {\"sluice.filesystem.allowed-paths\": \"/\"}}");
            assertEquals(400, lift.statusCode(), lift.body());
            st.execute("CREATE TABLE endless (n INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
            String job;
            try (ResultSet rs = st.executeQuery("INSERT INTO sink_t SELECT n FROM endless")) {
                assertTrue(rs.next());
                job = rs.getString("job_id");
            }
            var savepoint = rest.call("POST", "/jobs/" + job + "/savepoints",
                    "{\"target-directory\": \"" + outside + "\", \"cancel-job\": false}");
            assertEquals(403, savepoint.statusCode(), savepoint.body());
            assertTrue(savepoint.body().contains("--allowed-dir"), savepoint.body());
            var stop = rest.call("POST", "/jobs/" + job + "/stop", "{\"targetDirectory\": \"" + outside + "\"}");
            assertEquals(403, stop.statusCode(), stop.body());
            rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
        }
    }

    @Test
    @Timeout(180)
    void fiftyClientsAtOnceLeaveNothingBehind() throws Exception {
        try (SluiceServer server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, -1))) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    try (Connection c = ServerTestSupport.connect(server); Statement st = c.createStatement()) {
                        st.execute("SET 'execution.runtime-mode' = 'batch'");
                        st.execute("CREATE TEMPORARY TABLE nums (n INT) WITH ('connector' = 'datagen',"
                                + " 'number-of-rows' = '100', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1',"
                                + " 'fields.n.end' = '100')");
                        try (ResultSet rs = st.executeQuery("SELECT SUM(n) + " + client + " AS s FROM nums")) {
                            rs.next();
                            return rs.getLong("s") - client;
                        }
                    }
                }));
            }
            for (Future<Long> f : results) {
                assertEquals(5050L, f.get(150, TimeUnit.SECONDS));
            }
            pool.shutdown();
            long deadline = System.currentTimeMillis() + 10_000;
            while (server.sessions().size() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, server.sessions().size(), "every client's session is closed");
            for (var job : server.sessions().jobs().entries()) {
                assertTrue(job.client().getJobStatus().isTerminal(), "no job left running: " + job.name());
            }
        }
    }
}
