package io.sluice.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import io.sluice.server.rest.RestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The user metrics of functions (registered in their operator's metric group) on {@code /metrics} and in the REST
 * API's vertex metrics: a SQL function counting its calls in a group, with a gauge and a counter whose name ends in
 * Prometheus' reserved {@code _total}, in a running INSERT job.
 */
class UserMetricsTest {

    @Test
    void userCountersAndGaugesOfARunningJobOnPrometheusAndRest() throws Exception {
        try (SluiceServer server = ServerTestSupport.start(ServerOptions.defaults().withPorts(0, 0));
                Connection pg = ServerTestSupport.connect(server);
                Statement st = pg.createStatement()) {
            st.execute("CREATE TEMPORARY FUNCTION tagged AS '" + TaggedFunction.class.getName() + "'");
            st.execute("CREATE TABLE ids (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '500')");
            st.execute("CREATE TABLE tagged_sink (id BIGINT) WITH ('connector' = 'blackhole')");
            String job;
            try (ResultSet rs = st.executeQuery("INSERT INTO tagged_sink SELECT tagged(id) FROM ids")) {
                assertTrue(rs.next());
                job = rs.getString("job_id");
            }
            RestClient rest = new RestClient(server.httpPort());
            String label = "job_id=\"" + job + "\"";
            String calls = "sluice_taskmanager_job_task_operator_myGroup_calls";
            long end = System.currentTimeMillis() + 20_000;
            String text = scrape(rest);
            while (!text.contains(calls + "{") || PrometheusMetricsTest.sum(text, calls, label) < 10) {
                assertTrue(System.currentTimeMillis() < end, "no user counter on /metrics:\n" + text);
                Thread.sleep(100);
                text = scrape(rest);
            }
            double first = PrometheusMetricsTest.sum(text, calls, label);
            assertEquals(42, PrometheusMetricsTest.sum(text, "sluice_taskmanager_job_task_operator_threshold", label));
            assertTrue(text.contains("# TYPE " + calls + " gauge"), "as in Flink's reporter, a gauge: " + text);
            assertTrue(text.matches("(?s).*\\nsluice_taskmanager_job_task_operator_evens\\w*\\{[^}]*" + label
                    + "[^}]*\\} \\d+.*"), "the counter named with the reserved suffix _total, renamed: " + text);
            assertTrue(!text.contains("operator_label{"), "a gauge without a number is left out");
            String scraped = text;
            String hits = text.lines().filter(l -> l.startsWith("sluice_taskmanager_job_task_operator_region_hits{"))
                    .findFirst().orElseThrow(() -> new AssertionError("no key/value group series: " + scraped));
            assertTrue(hits.contains("region=\"eu\"") && hits.contains(label), "the group's value as a label: " + hits);
            String digits = "sluice_taskmanager_job_task_operator_lastDigit";
            assertTrue(text.contains("# TYPE " + digits + " summary"), "a histogram is a summary: " + text);
            assertTrue(text.matches("(?s).*\\n" + digits + "\\{[^}]*quantile=\"0\\.99\"[^}]*\\} [0-9.]+\\n.*"),
                    "with Flink's quantiles: " + text);
            assertTrue(PrometheusMetricsTest.sum(text, digits + "_count", label) >= 10, "and its count");
            double p99 = PrometheusMetricsTest.max(text, digits, "quantile=\"0.99\"");
            assertTrue(p99 >= 0 && p99 <= 9, "the last digit's 99th percentile: " + p99);
            String series = text.lines().filter(l -> l.startsWith(calls + "{")).findFirst().orElseThrow();
            assertTrue(series.contains("operator_name=\"") && series.contains("subtask_index=\"0\"")
                    && series.contains("tm_id=\"sluice\""), "the operator's labels: " + series);
            while (PrometheusMetricsTest.sum(scrape(rest), calls, label) <= first) {
                assertTrue(System.currentTimeMillis() < end, "the user counter did not grow");
                Thread.sleep(100);
            }

            // the REST API: ids <subtask>.<operator>.<group path>.<name> of the vertex that runs the function
            String vertex = null;
            String id = null;
            for (JsonNode v : rest.get("/jobs/" + job).get("vertices")) {
                for (JsonNode m : rest.get("/jobs/" + job + "/vertices/" + v.get("id").asText() + "/metrics")) {
                    if (m.get("id").asText().endsWith(".myGroup.calls")) {
                        vertex = v.get("id").asText();
                        id = m.get("id").asText();
                    }
                }
            }
            assertTrue(id != null && id.startsWith("0."), "the vertex metrics list the user counter: " + id);
            String listing = rest.get("/jobs/" + job + "/vertices/" + vertex + "/metrics").toString();
            assertTrue(listing.contains(id.substring(0, id.length() - "myGroup.calls".length()) + "lastDigit_p99\""),
                    "the histogram's values in the REST API: " + listing);
            String regionHits = id.substring(0, id.length() - "myGroup.calls".length()) + "region.eu.hits";
            assertTrue(rest.get("/jobs/" + job + "/vertices/" + vertex + "/metrics").toString()
                    .contains("\"" + regionHits + "\""), "REST ids go through key and value: " + regionHits);
            JsonNode values = rest.get("/jobs/" + job + "/vertices/" + vertex + "/metrics?get="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8));
            assertEquals(id, values.get(0).get("id").asText());
            assertTrue(Long.parseLong(values.get(0).get("value").asText()) > first, values.toString());
            String threshold = id.substring(2, id.length() - "myGroup.calls".length()) + "threshold";
            JsonNode aggregated = rest.get("/jobs/" + job + "/vertices/" + vertex + "/subtasks/metrics?get="
                    + URLEncoder.encode(threshold, StandardCharsets.UTF_8));
            assertEquals(42, aggregated.get(0).get("sum").asDouble(), aggregated.toString());
            rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
        }
    }

    private static String scrape(RestClient rest) throws Exception {
        var r = rest.call("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        return r.body();
    }
}
