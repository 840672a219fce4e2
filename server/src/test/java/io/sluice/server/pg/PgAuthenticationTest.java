package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 logins, wrong passwords and users, and the refusal to expose a server without a password. */
class PgAuthenticationTest {
    private static final String PASSWORD = "s3cret pass";
    private static SluiceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, -1).withPassword(PASSWORD));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void rightPasswordLogsIn() throws Exception {
        try (Connection c = ServerTestSupport.connect(server, PASSWORD); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 AS x")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> ServerTestSupport.connect(server, "guess"));
        assertEquals("28P01", e.getSQLState());
        assertTrue(e.getMessage().contains("password authentication failed for user \"sluice\""), e.getMessage());
    }

    @Test
    void wrongUserIsRefused() {
        Properties p = new Properties();
        p.setProperty("user", "admin");
        p.setProperty("password", PASSWORD);
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(ServerTestSupport.jdbcUrl(server), p));
        assertEquals("28P01", e.getSQLState());
    }

    @Test
    void missingPasswordIsRefused() {
        SQLException e = assertThrows(SQLException.class, () -> ServerTestSupport.connect(server, null));
        assertTrue(e.getMessage().toLowerCase().contains("password"), e.getMessage());
    }

    @Test
    void unknownDatabaseIsRefused() {
        Properties p = new Properties();
        p.setProperty("user", "sluice");
        p.setProperty("password", PASSWORD);
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/nowhere", p));
        assertEquals("3D000", e.getSQLState());
        assertTrue(e.getMessage().contains("default_catalog"), e.getMessage());
    }

    @Test
    void nonLoopbackWithoutPasswordIsRefusedAtStart() throws Exception {
        ServerOptions open = ServerOptions.defaults().withPorts(0, -1).withBind(InetAddress.getByName("0.0.0.0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SluiceServer.start(open));
        assertTrue(e.getMessage().contains("SLUICE_SERVER_PASSWORD"), e.getMessage());
    }
}
