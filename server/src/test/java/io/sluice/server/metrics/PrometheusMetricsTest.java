package io.sluice.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.server.ServerOptions;
import io.sluice.server.ServerTestSupport;
import io.sluice.server.SluiceServer;
import io.sluice.server.rest.RestClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: Prometheus text with Flink's metric names; the counters of a running job grow. */
class PrometheusMetricsTest {
    @TempDir
    Path dir;

    /** The sum over the samples of {@code metric} whose labels contain {@code labelPart}. */
    static double sum(String text, String metric, String labelPart) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1).contains(labelPart)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError(metric + " with " + labelPart + " not found in:\n" + text);
        }
        return sum;
    }

    /** The largest sample of {@code metric} whose labels contain {@code labelPart}, or -infinity. */
    static double max(String text, String metric, String labelPart) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        double max = Double.NEGATIVE_INFINITY;
        while (m.find()) {
            if (m.group(1).contains(labelPart)) {
                max = Math.max(max, Double.parseDouble(m.group(2)));
            }
        }
        return max;
    }

    @Test
    void countersOfARunningJobGrow() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0))) {
            RestClient rest = new RestClient(server.httpPort());
            String job = rest.startWindowJob(rest.openSession(), dir.toString(), List.of());
            String label = "job_id=\"" + job + "\"";
            String first = awaitMetric(rest, "sluice_taskmanager_job_task_operator_numRecordsOut", label);
            double out1 = sum(first, "sluice_taskmanager_job_task_operator_numRecordsOut", label);
            String second = first;
            long end = System.currentTimeMillis() + 20_000;
            String aggregate = "operator_name=\"WindowAggregate";
            while (sum(second, "sluice_taskmanager_job_task_operator_numRecordsOut", label) <= out1
                    || sum(second, "sluice_jobmanager_job_numberOfCompletedCheckpoints", label) < 1
                    || max(second, "sluice_taskmanager_job_task_operator_currentInputWatermark", aggregate) <= 0
                    || max(second, "sluice_taskmanager_job_task_operator_stateSize", aggregate) <= 0
                    || max(second, "sluice_taskmanager_job_task_operator_numLateRecordsDropped", aggregate) <= 0) {
                assertTrue(System.currentTimeMillis() < end, second);
                Thread.sleep(100);
                second = scrape(rest);
            }
            assertTrue(sum(second, "sluice_taskmanager_job_task_numBytesOut", label) > 0);
            assertTrue(sum(second, "sluice_taskmanager_job_task_operator_numRecordsIn", label) > 0);
            assertTrue(second.contains("subtask_index=\"1\""), "parallelism 2: " + second);
            assertTrue(second.contains("operator_name=\""), second);
            assertTrue(second.contains("tm_id=\"sluice\"") && second.contains("host=\"127.0.0.1\"")
                    && second.contains("task_attempt_num=\"0\""), "Flink's labels: " + second);
            assertTrue(second.contains("# TYPE sluice_taskmanager_job_task_busyTimeMsPerSecond gauge"));
            assertEquals(0, sum(second, "sluice_jobmanager_job_numRestarts", label));
            double lag = max(second, "sluice_taskmanager_job_task_operator_watermarkLag", aggregate);
            assertTrue(lag >= 0 && lag < 60_000, "watermark lag " + lag);
            assertTrue(second.contains("jvm_memory_used_bytes"), "the JVM's metrics are exported too");
            rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
            assertTrue(!scrape(rest).contains(label), "an ended job is no longer reported");
        }
    }

    @Test
    void lateRowsRoutedToATableAreCounted() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0))) {
            RestClient rest = new RestClient(server.httpPort());
            String session = rest.openSession();
            String job = rest.startWindowJob(session, dir.toString(), List.of(
                    "CREATE TABLE late_rows (" + io.sluice.runtime.operator.late.LateRows.DDL
                            + ") WITH ('connector' = 'blackhole')",
                    "SET 'sluice.late-rows.table' = 'late_rows'"));
            String aggregate = "operator_name=\"WindowAggregate";
            String label = "job_id=\"" + job + "\"";
            String text = awaitMetric(rest, "sluice_taskmanager_job_task_operator_numLateRecordsRouted", label);
            assertTrue(max(text, "sluice_taskmanager_job_task_operator_numLateRecordsRouted", aggregate) > 0, text);
            JsonNode vertices = rest.get("/jobs/" + job).get("vertices");
            long routed = 0;
            for (JsonNode v : vertices) {
                routed += v.path("metrics").path("late-records-routed").asLong();
            }
            assertTrue(routed > 0, vertices.toString());
            rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
        }
    }

    /**
     * An ended job leaves Prometheus (as Flink's reporter unregisters a finished job's metrics) but stays in the REST
     * API with its final counts, like Flink's job history, until the history's size pushes it out.
     */
    @Test
    void endedJobsKeepTheirFinalCountsInTheHistoryButLeavePrometheus() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0)
                .withJobHistory(1, java.time.Duration.ofHours(1)));
                Connection pg = ServerTestSupport.connect(server);
                Statement st = pg.createStatement()) {
            st.execute("SET 'execution.runtime-mode' = 'batch'");
            st.execute("CREATE TABLE nums (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '300')");
            st.execute("CREATE TABLE sink_a (n INT) WITH ('connector' = 'blackhole')");
            RestClient rest = new RestClient(server.httpPort());
            String first = finishedInsert(st, rest);
            JsonNode job = rest.get("/jobs/" + first);
            assertEquals("FINISHED", job.get("state").asText());
            assertTrue(job.get("end-time").asLong() >= job.get("start-time").asLong(), job.toString());
            long written = 0;
            for (JsonNode v : job.get("vertices")) {
                written = Math.max(written, v.path("metrics").path("write-records").asLong());
            }
            assertEquals(300, written, "the final counts: " + job);
            assertTrue(!scrape(rest).contains("job_id=\"" + first + "\""), "an ended job is not scraped");
            String second = finishedInsert(st, rest);
            assertEquals(404, rest.call("GET", "/jobs/" + first, null).statusCode(),
                    "a history of one ended job keeps only the latest");
            assertEquals("FINISHED", rest.get("/jobs/" + second).get("state").asText());
            assertEquals(1, server.sessions().jobs().entries().size());
        }
    }

    private static String finishedInsert(Statement st, RestClient rest) throws Exception {
        String job;
        try (ResultSet rs = st.executeQuery("INSERT INTO sink_a SELECT n FROM nums")) {
            assertTrue(rs.next());
            job = rs.getString("job_id");
        }
        long end = System.currentTimeMillis() + 20_000;
        while (!rest.get("/jobs/" + job).get("state").asText().equals("FINISHED")) {
            assertTrue(System.currentTimeMillis() < end, "the job did not finish");
            Thread.sleep(50);
        }
        return job;
    }

    @Test
    void anInsertStartedOverThePostgresProtocolIsRunningAndItsCountersGrow() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0));
                Connection pg = ServerTestSupport.connect(server);
                Statement st = pg.createStatement()) {
            st.execute("CREATE TABLE gen_rows (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '500')");
            st.execute("CREATE TABLE gen_sink (id BIGINT) WITH ('connector' = 'blackhole')");
            String job;
            try (ResultSet rs = st.executeQuery("INSERT INTO gen_sink SELECT id FROM gen_rows")) {
                assertTrue(rs.next());
                job = rs.getString("job_id");
            }
            RestClient rest = new RestClient(server.httpPort());
            String overview = rest.get("/jobs/overview").toString();
            assertTrue(overview.contains("\"jid\":\"" + job + "\"") && overview.contains("RUNNING"), overview);
            String label = "job_id=\"" + job + "\"";
            String metric = "sluice_taskmanager_job_task_operator_numRecordsIn";
            double first = sum(awaitMetric(rest, metric, label), metric, label);
            long end = System.currentTimeMillis() + 20_000;
            while (sum(scrape(rest), metric, label) <= first) {
                assertTrue(System.currentTimeMillis() < end, "numRecordsIn did not grow");
                Thread.sleep(100);
            }
            rest.ok("PATCH", "/jobs/" + job + "?mode=cancel", null);
        }
    }

    @Test
    void metricsNeedThePasswordWhenOneIsSet() throws Exception {
        try (SluiceServer server = SluiceServer.start(ServerOptions.defaults().withPorts(0, 0).withPassword("pw"))) {
            HttpResponse<String> r = new RestClient(server.httpPort()).call("GET", "/metrics", null);
            assertEquals(401, r.statusCode());
        }
    }

    private static String scrape(RestClient rest) throws Exception {
        HttpResponse<String> r = rest.call("GET", "/metrics", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return r.body();
    }

    private static String awaitMetric(RestClient rest, String metric, String label) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (true) {
            String text = scrape(rest);
            try {
                if (sum(text, metric, label) > 0) {
                    return text;
                }
            } catch (AssertionError notYet) {
                if (System.currentTimeMillis() > end) {
                    throw notYet;
                }
            }
            assertTrue(System.currentTimeMillis() < end, text);
            Thread.sleep(100);
        }
    }
}
