package io.sluice.server.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.ServerOptions;
import io.sluice.server.SluiceServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SQL Gateway client that goes away in the middle of a streaming result (it stops fetching and never closes its
 * operation or session): once its session is idle for the timeout, the session is closed, its query's job stops and
 * the result's resources are freed.
 */
class RestDisconnectTest {
    @Test
    @Timeout(60)
    void aClientThatStopsFetchingMidStreamHasItsJobStopped() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0)
                .withIdleSessionTimeout(Duration.ofSeconds(1)))) {
            RestClient rest = new RestClient(server.httpPort());
            String session = rest.openSession();
            rest.run(session, "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000')");
            String op = rest.ok("POST", "/v1/sessions/" + session + "/statements", "{\"statement\": \"SELECT id FROM endless\"}")
                    .get("operationHandle").asText();
            String uri = "/v2/sessions/" + session + "/operations/" + op + "/result/0?rowFormat=JSON";
            JsonNode page = rest.get(uri);
            for (int i = 0; i < 50 && page.path("results").path("data").isEmpty(); i++) {
                uri = page.get("nextResultUri").asText();
                page = rest.get(uri);
            }
            assertFalse(page.path("results").path("data").isEmpty(), page.toString());
            String job = page.get("jobID").asText();
            assertEquals("RUNNING", rest.get("/jobs/" + job).get("state").asText());
            // the client is gone: no more fetches, no close; the job API below does not keep the session alive
            long deadline = System.currentTimeMillis() + 30_000;
            while (!rest.get("/jobs/" + job).get("state").asText().equals("CANCELED")) {
                assertTrue(System.currentTimeMillis() < deadline, "the abandoned query's job still runs");
                Thread.sleep(100);
            }
            assertFalse(server.sessions().get(session).isPresent(), "the idle session is closed");
            assertEquals(404, rest.call("GET", uri, null).statusCode());
            for (var entry : server.sessions().jobs().entries()) {
                assertTrue(entry.client().getJobStatus().isTerminal(), "no job left running: " + entry.name());
            }
        }
    }
}
