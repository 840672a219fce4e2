package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import io.sluice.table.api.JobClient;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streaming queries over the wire: rows as they come, cancel requests, and clients that go away mid-stream. */
class PgStreamingTest {
    private static SluiceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start();
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200', "
                    + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000000000')");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void streamingQueryDeliversRowsWithRowKindUntilThePortalIsClosed() throws Exception {
        Set<String> before = jobIds();
        try (Connection c = ServerTestSupport.connect(server)) {
            c.setAutoCommit(false); // pgjdbc then fetches through a portal, fetchSize rows per Execute
            try (Statement s = c.createStatement()) {
                s.setFetchSize(3);
                try (ResultSet rs = s.executeQuery("SELECT id FROM endless")) {
                    for (long expected = 1; expected <= 7; expected++) {
                        assertTrue(rs.next());
                        assertEquals("+I", rs.getString("op"));
                        assertEquals(expected, rs.getLong("id"));
                    }
                }
            }
            c.commit();
        }
        awaitTerminal(newJob(before));
    }

    @Test
    void cancelRequestStopsTheRunningQuery() throws Exception {
        Set<String> before = jobIds();
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rs = s.executeQuery("SELECT id FROM endless")) {
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            JobClient job = awaitNewJob(before);
            s.cancel();
            SQLException e = failure.get(30, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState(), String.valueOf(e));
            awaitTerminal(job);
            try (ResultSet rs = s.executeQuery("SELECT 1 AS one_more")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void clientDisconnectingMidStreamFreesTheJob() throws Exception {
        Set<String> before = jobIds();
        try (Socket socket = new Socket("127.0.0.1", server.pgPort())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] params = "user\0sluice\0database\0default_catalog\0\0".getBytes(StandardCharsets.UTF_8);
            out.writeInt(8 + params.length);
            out.writeInt(196608);
            out.write(params);
            out.flush();
            readUntil(in, 'Z');
            byte[] query = "SELECT id FROM endless\0".getBytes(StandardCharsets.UTF_8);
            out.write('Q');
            out.writeInt(4 + query.length);
            out.write(query);
            out.flush();
            readUntil(in, 'D'); // the first row arrived: the query streams
        }
        awaitTerminal(newJob(before));
    }

    private static void readUntil(DataInputStream in, char type) throws IOException {
        while (true) {
            int t = in.read();
            int length = in.readInt();
            in.readFully(new byte[length - 4]);
            if (t == type) {
                return;
            }
            assertTrue(t != 'E', "server sent an error");
        }
    }

    private static Set<String> jobIds() {
        Set<String> ids = new HashSet<>();
        server.sessions().jobs().list().forEach(j -> ids.add(j.getJobID()));
        return ids;
    }

    private static JobClient newJob(Set<String> before) {
        List<JobClient> jobs = server.sessions().jobs().list().stream()
                .filter(j -> !before.contains(j.getJobID())).toList();
        assertEquals(1, jobs.size(), "jobs started by the test");
        return jobs.get(0);
    }

    private static JobClient awaitNewJob(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<JobClient> jobs = server.sessions().jobs().list().stream()
                    .filter(j -> !before.contains(j.getJobID())).toList();
            if (!jobs.isEmpty()) {
                return jobs.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no job started");
    }

    private static void awaitTerminal(JobClient job) throws Exception {
        job.getJobExecutionResult().handle((v, e) -> null).get(30, TimeUnit.SECONDS);
        assertTrue(job.getJobStatus().isTerminal(), "job " + job.getJobID() + " is " + job.getJobStatus());
    }

    @Test
    void failedStatementInATransactionBlockNeedsRollback() throws Exception {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThrows(SQLException.class, () -> s.execute("SELECT * FROM missing_table_x"));
            SQLException aborted = assertThrows(SQLException.class, () -> s.execute("SELECT 1 AS y"));
            assertEquals("25P02", aborted.getSQLState());
            c.rollback();
            try (ResultSet rs = s.executeQuery("SELECT 1 AS y")) {
                assertTrue(rs.next());
            }
        }
    }
}
