package io.sluice.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.JobClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the server (what its SIGTERM hook does) stops the jobs clients started. */
class ServerShutdownTest {
    @TempDir
    Path dir;

    private static String startInsert(SluiceServer server) throws Exception {
        return startInsert(server, null);
    }

    private static String startInsert(SluiceServer server, String sessionSavepointDir) throws Exception {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            if (sessionSavepointDir != null) {
                s.execute("SET 'execution.checkpointing.savepoint-dir' = '" + sessionSavepointDir + "'");
            }
            s.execute("CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50')");
            s.execute("CREATE TABLE dst (id BIGINT) WITH ('connector' = 'blackhole')");
            try (ResultSet rs = s.executeQuery("INSERT INTO dst SELECT id FROM src")) {
                assertTrue(rs.next());
                return rs.getString("job_id");
            }
        }
    }

    private static JobClient job(SluiceServer server, String id) {
        return server.sessions().jobs().get(id).orElseThrow().client();
    }

    @Test
    void closeCancelsRunningJobs() throws Exception {
        SluiceServer server = ServerTestSupport.start();
        String id = startInsert(server);
        assertTrue(!job(server, id).getJobStatus().isTerminal());
        server.close();
        assertEquals("CANCELED", job(server, id).getJobStatus().name());
    }

    @Test
    void closeStopsRunningJobsWithASavepoint() throws Exception {
        SluiceServer server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, -1)
                .withSavepointDir(dir.toString()));
        String id = startInsert(server);
        server.close();
        assertTrue(job(server, id).getJobStatus().isTerminal());
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(written::add);
        }
        assertTrue(!written.isEmpty(), "no savepoint files under " + dir);
        assertTrue(written.stream().anyMatch(p -> p.toString().contains("savepoint-")), written.toString());
    }

    @Test
    void withoutServerDirectoryJobsStopWithASavepointWhereTheirSessionSaid() throws Exception {
        SluiceServer server = ServerTestSupport.start();
        String id = startInsert(server, dir.resolve("session").toString());
        server.close();
        assertEquals("FINISHED", job(server, id).getJobStatus().name());
        try (Stream<Path> files = Files.walk(dir.resolve("session"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("savepoint-")));
        }
    }
}
