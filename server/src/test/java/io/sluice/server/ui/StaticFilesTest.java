package io.sluice.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import io.sluice.server.rest.RestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The UI's files come from the server itself, only from the UI's folder, and behind the password when set. */
class StaticFilesTest {
    @Test
    void servesTheUiAndNothingElse() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0))) {
            RestClient http = new RestClient(server.httpPort());
            HttpResponse<String> index = http.call("GET", "/", null);
            assertEquals(200, index.statusCode());
            assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(index.body().contains("<script type=\"module\" src=\"/ui/app.js\">"), index.body());
            for (String file : new String[] {"app.js", "api.js", "graph.js", "chart.js", "sql.js"}) {
                HttpResponse<String> js = http.call("GET", "/ui/" + file, null);
                assertEquals(200, js.statusCode(), file);
                assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"), file);
                assertTrue(!js.body().contains("http://") && !js.body().contains("https://"),
                        file + " loads nothing from elsewhere");
            }
            assertEquals(200, http.call("GET", "/ui/style.css", null).statusCode());
            assertEquals(404, http.call("GET", "/ui/missing.js", null).statusCode());
            assertEquals(404, http.call("GET", "/ui/..%2F..%2Frest%2FRestGateway.class", null).statusCode());
            assertEquals(404, http.call("GET", "/ui/%2E%2E/pg/PgServer.class", null).statusCode());
        }
    }

    @Test
    void theUiNeedsThePasswordWhenOneIsSet() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0).withPassword("pw"))) {
            HttpResponse<String> r = new RestClient(server.httpPort()).call("GET", "/", null);
            assertEquals(401, r.statusCode());
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
    }
}
