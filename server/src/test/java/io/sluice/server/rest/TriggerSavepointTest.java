package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /jobs/{id}/savepoints} on a job at parallelism 1: the savepoint is written while the job goes on, and
 * a new job starts from it.
 */
class TriggerSavepointTest {
    @TempDir
    Path dir;

    @Test
    void savepointOfARunningJobThatANewJobStartsFrom() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0)
                .withSavepointDir(dir.resolve("default").toString()))) {
            RestClient rest = new RestClient(server.httpPort());
            String session = rest.openSession();
            rest.run(session, "CREATE TABLE nums (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '200')");
            rest.run(session, "CREATE TABLE counts (c BIGINT) WITH ('connector' = 'blackhole')");
            String job = rest.run(session, "INSERT INTO counts SELECT COUNT(*) FROM nums");

            // without a target directory the server's --savepoint-dir is used
            HttpResponse<String> badFormat = rest.call("POST", "/jobs/" + job + "/savepoints",
                    "{\"formatType\": \"PICKLE\"}");
            assertEquals(400, badFormat.statusCode(), badFormat.body());
            assertTrue(badFormat.body().contains("CANONICAL, NATIVE"), badFormat.body());
            // Flink's formatType is accepted (Sluice writes one format for both)
            HttpResponse<String> trigger = rest.call("POST", "/jobs/" + job + "/savepoints",
                    "{\"formatType\": \"CANONICAL\"}");
            assertEquals(202, trigger.statusCode(), trigger.body());
            String id = RestClient.JSON.readTree(trigger.body()).get("request-id").asText();
            JsonNode done = JobsRestApiTest.await(rest, "/jobs/" + job + "/savepoints/" + id,
                    n -> n.get("status").get("id").asText().equals("COMPLETED"));
            String location = done.get("operation").get("location").asText();
            assertTrue(location.startsWith(dir.resolve("default").toString()), done.toString());
            assertTrue(Files.isDirectory(Path.of(location)), location);
            assertEquals("RUNNING", rest.get("/jobs/" + job).get("state").asText());
            assertEquals(404, rest.call("GET", "/jobs/" + job + "/savepoints/nope", null).statusCode());

            // a second job starts from the savepoint
            rest.run(session, "SET 'execution.savepoint.path' = '" + location + "'");
            String resumed = rest.run(session, "INSERT INTO counts SELECT COUNT(*) FROM nums");
            JsonNode restored = JobsRestApiTest.await(rest, "/jobs/" + resumed + "/checkpoints",
                    n -> n.get("latest").get("restored").hasNonNull("external_path"));
            assertEquals(location, restored.get("latest").get("restored").get("external_path").asText());
        }
    }
}
