package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A small HTTP client for tests of the server's REST API: JSON calls and the gateway's statement flow. */
public final class RestClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public RestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body);
        assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    public JsonNode get(String path) throws Exception {
        return ok("GET", path, null);
    }

    public String openSession() throws Exception {
        return ok("POST", "/v1/sessions", "{}").get("sessionHandle").asText();
    }

    /** Runs a statement and follows its result pages until EOS; returns the first row's first field, or null. */
    public String run(String session, String statement) throws Exception {
        String op = ok("POST", "/v1/sessions/" + session + "/statements",
                JSON.writeValueAsString(JSON.createObjectNode().put("statement", statement)))
                .get("operationHandle").asText();
        String uri = "/v1/sessions/" + session + "/operations/" + op + "/result/0";
        String first = null;
        for (int i = 0; i < 500 && uri != null; i++) {
            JsonNode page = get(uri);
            for (JsonNode row : page.path("results").path("data")) {
                if (first == null) {
                    first = row.get("fields").get(0).asText();
                }
            }
            uri = page.has("nextResultUri") ? page.get("nextResultUri").asText() : null;
        }
        return first;
    }

    /**
     * Starts the test's streaming INSERT job (a windowed count at parallelism 2, checkpointing); returns its id.
     * Event times are random up to 3 s in the past behind a watermark 1 s late, so many rows arrive late and are
     * dropped by the window aggregation.
     */
    public String startWindowJob(String session, String checkpointDir, List<String> extraSettings) throws Exception {
        run(session, "SET 'parallelism.default' = '2'");
        run(session, "SET 'execution.checkpointing.interval' = '200 ms'");
        run(session, "SET 'execution.checkpointing.dir' = '" + checkpointDir + "'");
        for (String s : extraSettings) {
            run(session, s);
        }
        run(session, "CREATE TABLE IF NOT EXISTS clicks (k INT, v BIGINT, ts TIMESTAMP(3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '2000', 'fields.k.min' = '1', 'fields.k.max' = '5',"
                + " 'fields.ts.max-past' = '3000')");
        run(session, "CREATE TABLE IF NOT EXISTS counts (k INT, c BIGINT) WITH ('connector' = 'blackhole')");
        return run(session, "INSERT INTO counts SELECT k, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts),"
                + " INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end");
    }
}
