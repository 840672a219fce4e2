package io.sluice.server.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's limits: rows per result, and idle sessions on both protocols. */
class PgLimitsTest {
    private static SluiceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, 0).withMaxResultRows(3)
                .withIdleSessionTimeout(Duration.ofMillis(500)).withMaxStatementLength(200));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Statements above --max-statement-length are refused over both protocols; the connection stays usable. */
    @Test
    void statementsAboveTheLengthLimitAreRefused() throws Exception {
        String longQuery = "SELECT '" + "x".repeat(300) + "' AS x";
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.executeQuery(longQuery));
            assertTrue(e.getMessage().contains("at most 200 (--max-statement-length)"), e.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT 2 AS y")) {
                assertTrue(rs.next());
            }
        }
        io.sluice.server.rest.RestClient rest = new io.sluice.server.rest.RestClient(server.httpPort());
        String session = rest.openSession();
        var tooLarge = rest.call("POST", "/v1/sessions/" + session + "/statements",
                "{\"statement\": \"SELECT 1 AS x" + " ".repeat(200 * 6 + 70_000) + "\"}");
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    }

    @Test
    void resultsStopAtTheRowLimitWithANotice() throws Exception {
        try (Connection c = ServerTestSupport.connect(server); Statement s = c.createStatement()) {
            s.execute("SET 'execution.runtime-mode' = 'batch'");
            try (ResultSet rs = s.executeQuery("SELECT * FROM (VALUES (1), (2), (3), (4), (5)) AS t(x)")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(3, n);
                SQLWarning w = s.getWarnings();
                assertNotNull(w);
                assertTrue(w.getMessage().contains("truncated after 3 rows"), w.getMessage());
            }
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.pgPort())) {
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] params = "user\0sluice\0database\0default_catalog\0\0".getBytes(StandardCharsets.UTF_8);
            out.writeInt(8 + params.length);
            out.writeInt(196608);
            out.write(params);
            out.flush();
            String error = null;
            while (error == null) {
                int type = in.read();
                assertTrue(type >= 0, "connection closed without an error");
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                if (type == 'E') {
                    error = new String(body, StandardCharsets.UTF_8);
                }
            }
            assertTrue(error.contains("57P05") && error.contains("idle-session timeout"), error);
            assertEquals(-1, in.read());
        }
    }

    @Test
    void idleRestSessionIsClosed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.httpPort() + "/v1/sessions";
        String body = http.send(HttpRequest.newBuilder(URI.create(base)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String session = body.replaceAll(".*\"sessionHandle\":\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(700); // longer than the timeout between uses: the sweeper closes the session
            status = http.send(HttpRequest.newBuilder(URI.create(base + "/" + session)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertEquals(404, status);
        assertFalse(server.sessions().get(session).isPresent());
    }
}
