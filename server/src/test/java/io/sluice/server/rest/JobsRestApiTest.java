package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's job REST API over a running INSERT job: details with vertices, plan, metrics, checkpoints, stop. */
class JobsRestApiTest {
    @TempDir
    static Path dir;
    private static SluiceServer server;
    private static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0));
        rest = new RestClient(server.httpPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Polls {@code path} until {@code done} holds (at most 20 s). */
    static JsonNode await(String path, Predicate<JsonNode> done) throws Exception {
        return await(rest, path, done);
    }

    /** Polls {@code path} of a server until {@code done} holds (at most 20 s). */
    static JsonNode await(RestClient rest, String path, Predicate<JsonNode> done) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        JsonNode n = rest.get(path);
        while (!done.test(n)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting on " + path + ": " + n);
            }
            Thread.sleep(50);
            n = rest.get(path);
        }
        return n;
    }

    @Test
    void detailsPlanMetricsCheckpointsAndStopWithSavepoint() throws Exception {
        String session = rest.openSession();
        String job = rest.startWindowJob(session, dir.resolve("chk").toString(), List.of());
        JsonNode details = await("/jobs/" + job, n -> n.get("vertices").size() >= 3
                && n.get("vertices").get(0).get("metrics").get("write-records").asLong() > 0);
        assertEquals("RUNNING", details.get("state").asText());
        JsonNode overview = rest.get("/overview");
        assertTrue(overview.get("jobs-running").asInt() >= 1, overview.toString());
        assertTrue(rest.get("/config").get("features").get("web-cancel").asBoolean());
        assertTrue(rest.get("/jobs").get("jobs").toString().contains("{\"id\":\"" + job + "\",\"status\":\"RUNNING\"}"));
        assertTrue(details.get("isStoppable").asBoolean());
        JsonNode source = details.get("vertices").get(0);
        assertEquals(2, source.get("parallelism").asInt());
        assertEquals(32, source.get("id").asText().length());

        JsonNode plan = rest.get("/jobs/" + job + "/plan").get("plan");
        assertEquals(job, plan.get("jid").asText());
        boolean hashed = false;
        for (JsonNode node : plan.get("nodes")) {
            for (JsonNode in : node.path("inputs")) {
                hashed |= in.get("ship_strategy").asText().equals("HASH");
            }
        }
        assertTrue(hashed, "the window aggregation is fed by a hash exchange: " + plan);

        String window = null;
        for (JsonNode v : details.get("vertices")) {
            if (v.get("name").asText().toLowerCase().contains("window")) {
                window = v.get("id").asText();
            }
        }
        assertNotNull(window, details.toString());
        JsonNode vertex = rest.get("/jobs/" + job + "/vertices/" + window);
        assertEquals(2, vertex.get("subtasks").size());
        JsonNode names = rest.get("/jobs/" + job + "/vertices/" + window + "/metrics");
        assertTrue(names.toString().contains("\"0.numRecordsIn\""), names.toString());
        String w = window;
        JsonNode values = await("/jobs/" + job + "/vertices/" + w + "/metrics?get=0.numRecordsIn,1.numRecordsIn,"
                + "0.currentInputWatermark", n -> n.size() == 3 && n.get(0).get("value").asLong() > 0);
        assertEquals("0.numRecordsIn", values.get(0).get("id").asText());
        JsonNode watermarks = await("/jobs/" + job + "/vertices/" + w + "/watermarks",
                n -> n.get(0).get("value").asLong() > 0);
        assertEquals("0.currentInputWatermark", watermarks.get(0).get("id").asText());
        JsonNode aggregated = rest.get("/jobs/" + job + "/vertices/" + w + "/subtasks/metrics?get=numRecordsIn");
        assertTrue(aggregated.get(0).get("sum").asDouble() > 0, aggregated.toString());
        JsonNode backpressure = rest.get("/jobs/" + job + "/vertices/" + w + "/backpressure");
        assertTrue(List.of("ok", "low", "high").contains(backpressure.get("backpressureLevel").asText()));

        JsonNode checkpoints = await("/jobs/" + job + "/checkpoints",
                n -> n.get("counts").get("completed").asLong() >= 2);
        JsonNode latest = checkpoints.get("latest").get("completed");
        assertEquals("COMPLETED", latest.get("status").asText());
        assertTrue(latest.get("state_size").asLong() > 0, latest.toString());
        // (not checked on disk: with checkpoints every 200 ms a newer one may already have replaced it)
        assertTrue(latest.get("external_path").asText().startsWith(dir.resolve("chk").toString()), latest.toString());
        assertTrue(checkpoints.get("history").size() >= 2);
        JsonNode stateSize = await("/jobs/" + job, n -> {
            for (JsonNode v : n.get("vertices")) {
                if (v.get("metrics").get("state-size").asLong() > 0) {
                    return true;
                }
            }
            return false;
        });
        assertNotNull(stateSize);
        JsonNode rates = await("/jobs/" + job + "/rates", n -> {
            if (n.get("timestamps").size() < 2) {
                return false;
            }
            for (JsonNode r : n.get("vertices").get(0).get("records-per-second")) {
                if (r.asDouble() > 0) {
                    return true;
                }
            }
            return false;
        });
        assertEquals(details.get("vertices").size(), rates.get("vertices").size());
        assertEquals(rates.get("timestamps").size(), rates.get("vertices").get(0).get("records-per-second").size());
        JsonNode jobMetrics = rest.get("/jobs/" + job + "/metrics?get=numRestarts,numberOfCompletedCheckpoints");
        assertEquals("0", jobMetrics.get(0).get("value").asText());

        assertEquals(0, rest.get("/jobs/" + job + "/exceptions").get("exceptionHistory").get("entries").size());

        // a savepoint while the job keeps running (Flink's trigger-savepoint)
        HttpResponse<String> trigger0 = rest.call("POST", "/jobs/" + job + "/savepoints",
                "{\"target-directory\": \"" + dir.resolve("running-savepoints") + "\", \"cancel-job\": false}");
        assertEquals(202, trigger0.statusCode(), trigger0.body());
        String running = RestClient.JSON.readTree(trigger0.body()).get("request-id").asText();
        JsonNode taken = await("/jobs/" + job + "/savepoints/" + running,
                n -> n.get("status").get("id").asText().equals("COMPLETED"));
        String takenAt = taken.get("operation").get("location").asText();
        assertTrue(takenAt.startsWith(dir.resolve("running-savepoints").toString()), taken.toString());
        assertTrue(Files.isDirectory(Path.of(takenAt)), takenAt);
        assertEquals("RUNNING", rest.get("/jobs/" + job).get("state").asText());
        JsonNode latestSavepoint = await("/jobs/" + job + "/checkpoints",
                n -> n.get("latest").get("savepoint").hasNonNull("external_path")).get("latest").get("savepoint");
        assertEquals(takenAt, latestSavepoint.get("external_path").asText());
        // the job goes on: its sink keeps receiving rows
        long before = rest.get("/jobs/" + job).get("vertices").get(0).get("metrics").get("write-records").asLong();
        await("/jobs/" + job, n -> n.get("vertices").get(0).get("metrics").get("write-records").asLong() > before);

        HttpResponse<String> stop = rest.call("POST", "/jobs/" + job + "/stop",
                "{\"targetDirectory\": \"" + dir.resolve("savepoints") + "\", \"drain\": false}");
        assertEquals(202, stop.statusCode(), stop.body());
        String trigger = RestClient.JSON.readTree(stop.body()).get("request-id").asText();
        JsonNode status = await("/jobs/" + job + "/savepoints/" + trigger,
                n -> n.get("status").get("id").asText().equals("COMPLETED"));
        String location = status.get("operation").get("location").asText();
        assertTrue(location.startsWith(dir.resolve("savepoints").toString()), status.toString());
        await("/jobs/" + job, n -> n.get("state").asText().equals("FINISHED"));
        assertEquals(400, rest.call("POST", "/jobs/" + job + "/stop", "{\"drain\": true}").statusCode());
        HttpResponse<String> savepoint = rest.call("POST", "/jobs/" + job + "/savepoints",
                "{\"target-directory\": \"" + dir.resolve("late") + "\"}");
        assertEquals(409, savepoint.statusCode());
        assertTrue(savepoint.body().contains("not running"), savepoint.body());
        assertEquals(404, rest.call("GET", "/jobs/" + job + "/vertices/nope", null).statusCode());
    }

    @Test
    void exceptionsNameTheFailingOperator() throws Exception {
        String session = rest.openSession();
        rest.run(session, "SET 'restart-strategy.type' = 'fixed-delay'");
        rest.run(session, "SET 'restart-strategy.fixed-delay.attempts' = '2'");
        rest.run(session, "SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        rest.run(session, "CREATE TABLE failing_src (x INT) WITH ('connector' = 'datagen', 'rows-per-second' = '100',"
                + " 'fields.x.min' = '0', 'fields.x.max' = '0')");
        rest.run(session, "CREATE TABLE failing_sink (y INT) WITH ('connector' = 'blackhole')");
        String job = rest.run(session, "INSERT INTO failing_sink SELECT 10 / x FROM failing_src");
        JsonNode ex = await("/jobs/" + job + "/exceptions",
                n -> n.get("exceptionHistory").get("entries").size() > 0);
        JsonNode entry = ex.get("exceptionHistory").get("entries").get(0);
        assertTrue(ex.get("root-exception").asText().contains("Exception"), ex.toString());
        assertTrue(!entry.get("taskName").isNull() && !entry.get("taskName").asText().isEmpty(), entry.toString());
        JsonNode failed = await("/jobs/" + job, n -> n.get("state").asText().equals("FAILED"));
        assertNotNull(failed);
        // two restarts, then the third failure failed the job: each is in the history, newest first
        assertEquals(3, rest.get("/jobs/" + job + "/exceptions").get("exceptionHistory").get("entries").size());
        assertEquals("2", rest.get("/jobs/" + job + "/metrics?get=numRestarts").get(0).get("value").asText());
    }
}
