package io.sluice.server.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.JobRegistry;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --max-result-rows for Flight SQL, closing a streaming result set, and what prepared statements refuse. */
class FlightSqlLimitsTest {
    private static SluiceServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, -1, 0).withMaxResultRows(5));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(FlightSqlJdbcTest.url(server));
    }

    @Test
    void resultsStopAtTheRowLimit() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'batch'");
            s.execute("CREATE TEMPORARY TABLE hundred (id BIGINT) WITH ('connector' = 'datagen',"
                    + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100')");
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT id FROM hundred")) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(5, rows);
        }
    }

    @Test
    void closingAStreamingResultSetStopsItsJob() throws Exception {
        String query = "SELECT v FROM endless";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'streaming'");
            s.execute("CREATE TEMPORARY TABLE endless (v BIGINT) WITH ('connector' = 'datagen',"
                    + " 'rows-per-second' = '100')");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (ResultSet rs = s.executeQuery(query)) {
                    assertTrue(rs.next());
                    assertEquals("+I", rs.getString("op"));
                }
            });
        }
        JobRegistry.Entry job = server.sessions().jobs().entries().stream()
                .filter(e -> e.name().equals(query)).findFirst().orElseThrow();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!job.client().getJobStatus().isTerminal() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(job.client().getJobStatus().isTerminal(), job.client().getJobStatus().name());
    }

    @Test
    void parameterMarkersAreNotSupportedYet() throws Exception {
        try (Connection c = connect()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> c.prepareStatement("INSERT INTO somewhere VALUES (?, ?)"));
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append(" | ");
            }
            assertTrue(chain.toString().contains("not supported yet"), chain.toString());
            SQLException untyped = assertThrows(SQLException.class, () -> c.prepareStatement("SELECT ? AS x"));
            StringBuilder untypedChain = new StringBuilder();
            for (Throwable t = untyped; t != null; t = t.getCause()) {
                untypedChain.append(t.getMessage()).append(" | ");
            }
            assertTrue(untypedChain.toString().toLowerCase().contains("dynamic parameter"), untypedChain.toString());
        }
        assertTrue(SluiceFlightSqlProducer.hasParameterMarker("SELECT * FROM t WHERE a = ?"));
        assertFalse(SluiceFlightSqlProducer.hasParameterMarker("SELECT '?', `a?b` FROM t -- why?\n"));
        assertFalse(SluiceFlightSqlProducer.hasParameterMarker("SELECT 'it''s ?' /* ? */"));
    }
}
