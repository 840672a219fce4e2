package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink's SQL Gateway REST flow as a tool runs it: open a session, submit, page results until EOS, close. */
class RestGatewayTest {
    private static final String PASSWORD = "rest-pw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SluiceServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0).withPassword(PASSWORD));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (password != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("sluice:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String body) throws Exception {
        HttpResponse<String> r = call(method, path, body, PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private String openSession() throws Exception {
        return ok("POST", "/v1/sessions",
                "{\"sessionName\": \"t\", \"properties\": {\"execution.runtime-mode\": \"batch\"}}")
                .get("sessionHandle").asText();
    }

    private String submit(String session, String statement) throws Exception {
        return ok("POST", "/v1/sessions/" + session + "/statements",
                JSON.writeValueAsString(JSON.createObjectNode().put("statement", statement)))
                .get("operationHandle").asText();
    }

    /** Follows nextResultUri until EOS; returns every row's fields. */
    private List<JsonNode> fetchAll(String first) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String uri = first;
        for (int i = 0; i < 200 && uri != null; i++) {
            JsonNode page = ok("GET", uri, null);
            if (page.get("resultType").asText().equals("EOS")) {
                assertFalse(page.has("nextResultUri"));
                return rows;
            }
            page.path("results").path("data").forEach(rows::add);
            uri = page.path("nextResultUri").asText(null);
        }
        throw new AssertionError("no EOS");
    }

    @Test
    void sessionStatementAndPagedResults() throws Exception {
        JsonNode info = ok("GET", "/v1/info", null);
        assertEquals("Sluice", info.get("productName").asText());
        assertTrue(ok("GET", "/v1/api_versions", null).get("versions").toString().contains("V2"));
        String session = openSession();
        ok("POST", "/v1/sessions/" + session + "/heartbeat", "{}");
        ok("POST", "/v1/sessions/" + session + "/configure-session",
                "{\"statement\": \"CREATE TEMPORARY VIEW nums AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(k, v)\"}");
        assertEquals("batch", ok("GET", "/v1/sessions/" + session, null).path("properties")
                .path("execution.runtime-mode").asText());

        String op = submit(session, "SELECT k, v FROM nums ORDER BY k");
        JsonNode first = ok("GET", "/v2/sessions/" + session + "/operations/" + op + "/result/0?rowFormat=JSON", null);
        String type = first.get("resultType").asText();
        assertTrue(type.equals("PAYLOAD") || type.equals("NOT_READY"), type);
        List<JsonNode> rows = fetchAll("/v2/sessions/" + session + "/operations/" + op + "/result/0?rowFormat=JSON");
        assertEquals(2, rows.size());
        assertEquals("{\"kind\":\"INSERT\",\"fields\":[1,\"a\"]}", rows.get(0).toString());
        assertEquals("{\"kind\":\"INSERT\",\"fields\":[2,\"b\"]}", rows.get(1).toString());
        assertEquals("FINISHED", ok("GET", "/v1/sessions/" + session + "/operations/" + op + "/status", null)
                .get("status").asText());
        assertEquals("CLOSED", ok("DELETE", "/v1/sessions/" + session + "/operations/" + op + "/close", null)
                .get("status").asText());

        String text = submit(session, "SELECT CAST(1.50 AS DECIMAL(5, 2)) AS d, TRUE AS b");
        List<JsonNode> plain = fetchAll("/v3/sessions/" + session + "/operations/" + text + "/result/0?rowFormat=PLAIN_TEXT");
        assertEquals("[\"1.50\",\"TRUE\"]", plain.get(0).get("fields").toString());

        String one = submit(session, "SELECT 1 AS one_col");
        JsonNode page = ok("GET", "/v1/sessions/" + session + "/operations/" + one + "/result/0", null);
        for (int i = 0; i < 50 && page.get("resultType").asText().equals("NOT_READY"); i++) {
            page = ok("GET", "/v1/sessions/" + session + "/operations/" + one + "/result/0", null);
        }
        // the first page names the columns with Flink's logical type JSON
        JsonNode col = page.path("results").path("columns").get(0);
        assertEquals("one_col", col.get("name").asText());
        assertEquals("INTEGER", col.path("logicalType").get("type").asText());
        assertFalse(col.path("logicalType").get("nullable").asBoolean());
        assertEquals("CLOSED", ok("DELETE", "/v1/sessions/" + session, null).get("status").asText());
        assertEquals(404, call("GET", "/v1/sessions/" + session, null, PASSWORD).statusCode());
    }

    @Test
    void streamingQueryPagesUntilCancelled() throws Exception {
        String session = ok("POST", "/v1/sessions", "{}").get("sessionHandle").asText();
        submitAndWait(session, "CREATE TABLE rest_gen (id BIGINT) WITH ('connector' = 'datagen', "
                + "'rows-per-second' = '100', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                + "'fields.id.end' = '1000000')");
        String op = submit(session, "SELECT id FROM rest_gen");
        List<JsonNode> rows = new ArrayList<>();
        String uri = "/v2/sessions/" + session + "/operations/" + op + "/result/0?rowFormat=JSON";
        JsonNode page = null;
        for (int i = 0; i < 100 && rows.size() < 5; i++) {
            page = ok("GET", uri, null);
            page.path("results").path("data").forEach(rows::add);
            uri = page.get("nextResultUri").asText();
        }
        assertTrue(rows.size() >= 5, "rows: " + rows);
        assertEquals(1, rows.get(0).get("fields").get(0).asLong());
        assertTrue(page.get("isQueryResult").asBoolean());
        assertTrue(page.has("jobID"));
        String jobId = page.get("jobID").asText();
        JsonNode overview = ok("GET", "/jobs/overview", null);
        boolean listed = false;
        for (JsonNode j : overview.get("jobs")) {
            listed |= j.get("jid").asText().equals(jobId) && j.get("name").asText().equals("SELECT id FROM rest_gen");
        }
        assertTrue(listed, overview.toString());
        assertEquals("RUNNING", ok("GET", "/jobs/" + jobId, null).get("state").asText());
        assertEquals("CANCELED", ok("POST", "/v1/sessions/" + session + "/operations/" + op + "/cancel", "{}")
                .get("status").asText());
        ok("DELETE", "/v1/sessions/" + session, null);
    }

    private void submitAndWait(String session, String statement) throws Exception {
        fetchAll("/v1/sessions/" + session + "/operations/" + submit(session, statement) + "/result/0");
    }

    @Test
    void jobsApiCancelsAJob() throws Exception {
        String session = ok("POST", "/v1/sessions", "{}").get("sessionHandle").asText();
        submitAndWait(session, "CREATE TABLE jobs_gen (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
        submitAndWait(session, "CREATE TABLE jobs_sink (id BIGINT) WITH ('connector' = 'blackhole')");
        List<JsonNode> inserted = fetchAll("/v1/sessions/" + session + "/operations/"
                + submit(session, "INSERT INTO jobs_sink SELECT id FROM jobs_gen") + "/result/0");
        String jobId = inserted.get(0).get("fields").get(0).asText();
        assertEquals(200, call("PATCH", "/jobs/" + jobId + "?mode=cancel", null, PASSWORD).statusCode());
        assertEquals("CANCELED", ok("GET", "/jobs/" + jobId, null).get("state").asText());
        assertEquals(404, call("GET", "/jobs/no-such-job", null, PASSWORD).statusCode());
        // CREATE TABLE AS also answers with its job's id, as Flink's gateway does
        List<JsonNode> created = fetchAll("/v1/sessions/" + session + "/operations/"
                + submit(session, "CREATE TABLE jobs_copy WITH ('connector' = 'blackhole') AS SELECT id FROM jobs_gen")
                + "/result/0");
        String ctasJob = created.get(0).get("fields").get(0).asText();
        assertEquals(200, call("PATCH", "/jobs/" + ctasJob + "?mode=cancel", null, PASSWORD).statusCode());
        assertEquals("CANCELED", ok("GET", "/jobs/" + ctasJob, null).get("state").asText());
        ok("DELETE", "/v1/sessions/" + session, null);
    }

    @Test
    void wrongOrMissingPasswordGets401() throws Exception {
        assertEquals(401, call("GET", "/v1/info", null, null).statusCode());
        HttpResponse<String> wrong = call("POST", "/v1/sessions", "{}", "nope");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void errorsUseFlinksShape() throws Exception {
        String session = openSession();
        String op = submit(session, "SELECT * FROM no_such_table_rest");
        HttpResponse<String> r = null;
        for (int i = 0; i < 50; i++) {
            r = call("GET", "/v1/sessions/" + session + "/operations/" + op + "/result/0", null, PASSWORD);
            if (r.statusCode() != 200) {
                break;
            }
        }
        assertEquals(500, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("errors").get(0).asText().contains("no_such_table_rest"), r.body());
        assertEquals("ERROR", ok("GET", "/v1/sessions/" + session + "/operations/" + op + "/status", null)
                .get("status").asText());
        HttpResponse<String> noFormat = call("GET", "/v2/sessions/" + session + "/operations/" + op + "/result/0",
                null, PASSWORD);
        assertEquals(400, noFormat.statusCode());
    }
}
