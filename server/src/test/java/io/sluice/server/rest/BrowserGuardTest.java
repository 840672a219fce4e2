package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages of other sites can neither change anything through a visitor's browser nor reach the server by rebinding. */
class BrowserGuardTest {
    private static SluiceServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private int postWithOrigin(String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                + "/v1/sessions")).POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A raw HTTP/1.1 GET with the given Host header; returns the status line. */
    private static String getWithHost(String host, String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.httpPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void crossOriginChangesAreRefused() throws Exception {
        assertEquals(403, postWithOrigin("http://evil.example"));
        assertEquals(403, postWithOrigin("http://127.0.0.1:1"));
        assertEquals(200, postWithOrigin("http://127.0.0.1:" + server.httpPort()), "the UI's own requests");
        assertEquals(200, postWithOrigin(null), "tools send no Origin");
    }

    @Test
    void onlyLoopbackNamesReachALoopbackServerWithoutPassword() throws Exception {
        int port = server.httpPort();
        assertTrue(getWithHost("evil.example:" + port, "/jobs/overview").contains(" 403 "));
        assertTrue(getWithHost("evil.example:" + port, "/metrics").contains(" 403 "));
        assertTrue(getWithHost("evil.example:" + port, "/").contains(" 403 "));
        assertTrue(getWithHost("localhost:" + port, "/jobs/overview").contains(" 200 "));
        assertTrue(getWithHost("127.0.0.1:" + port, "/").contains(" 200 "));
        assertTrue(getWithHost("[::1]:" + port, "/jobs/overview").contains(" 200 "));
    }
}
