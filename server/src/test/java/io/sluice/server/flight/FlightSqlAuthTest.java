package io.sluice.server.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With SLUICE_SERVER_PASSWORD: Basic login as user sluice gets a bearer token; everything else is refused. */
class FlightSqlAuthTest {
    private static final String PASSWORD = "s3cret";
    private static SluiceServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, -1, 0).withPassword(PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect(String credentials) throws SQLException {
        return DriverManager.getConnection(FlightSqlJdbcTest.url(server) + credentials);
    }

    @Test
    void rightPasswordLogsIn() throws Exception {
        try (Connection c = connect("&user=sluice&password=" + PASSWORD); Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'batch'");
            try (ResultSet rs = s.executeQuery("SELECT 41 + 1 AS answer")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedAndCountedAsAFailedLogin() {
        int before = server.loginThrottle().failures("127.0.0.1");
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = connect("&user=sluice&password=guess"); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
            }
        });
        assertTrue(chain(e).contains("password authentication failed"), chain(e));
        assertEquals(before + 1, server.loginThrottle().failures("127.0.0.1"));
    }

    @Test
    void callsWithoutCredentialsAreRefused() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = connect(""); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
            }
        });
        assertTrue(chain(e).contains("password is required"), chain(e));
        try (BufferAllocator allocator = new RootAllocator();
                FlightClient client = FlightClient.builder(allocator,
                        Location.forGrpcInsecure("127.0.0.1", server.flightPort())).build()) {
            FlightRuntimeException wrongUser = assertThrows(FlightRuntimeException.class,
                    () -> client.authenticateBasicToken("admin", PASSWORD));
            assertEquals(FlightStatusCode.UNAUTHENTICATED, wrongUser.status().code());
            assertTrue(client.authenticateBasicToken("sluice", PASSWORD).isPresent());
        }
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
