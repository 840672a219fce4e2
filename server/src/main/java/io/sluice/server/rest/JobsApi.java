package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.execution.JobStatus;
import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.server.JobRegistry;
import io.sluice.server.metrics.RateHistory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's job REST API over the server's jobs, in Flink's JSON shapes: {@code GET /jobs}, {@code GET /jobs/overview},
 * {@code GET /jobs/{id}} (with its vertices and their metrics), {@code /plan}, {@code /checkpoints},
 * {@code /exceptions}, {@code /metrics}, {@code /vertices/{vid}} with {@code /metrics}, {@code /subtasks/metrics},
 * {@code /watermarks} and {@code /backpressure}, Sluice's {@code /jobs/{id}/rates} (records per second over the last two
 * minutes, for charts), {@code PATCH /jobs/{id}?mode=cancel}, and
 * {@code POST /jobs/{id}/stop} (stop with a savepoint) and {@code POST /jobs/{id}/savepoints} (a savepoint of a running
 * job) with {@code GET /jobs/{id}/savepoints/{triggerId}}.
 */
final class JobsApi {
    private static final Pattern PATH = Pattern.compile(
            "^(?:/v1)?/jobs(?:/(overview)|/([^/]+)(/plan|/checkpoints|/exceptions|/metrics|/stop|/rates|/savepoints"
            + "|/savepoints/([^/]+)|/vertices/([^/]+)(/metrics|/subtasks/metrics|/watermarks|/backpressure)?)?)$");

    private final JobRegistry jobs;
    private final String defaultSavepointDir;
    private final Map<String, CompletableFuture<String>> savepoints = new ConcurrentHashMap<>();
    private final RateHistory rates;
    private final io.sluice.server.PathGuard paths;

    JobsApi(JobRegistry jobs, String defaultSavepointDir, RateHistory rates, io.sluice.server.PathGuard paths) {
        this.jobs = jobs;
        this.defaultSavepointDir = defaultSavepointDir;
        this.rates = rates;
        this.paths = paths;
    }

    /**
     * Checks a request's savepoint directory: it must lie under the server's {@code --allowed-dir} directories
     * (when given), and Flink's {@code formatType} must be {@code CANONICAL} or {@code NATIVE} (Sluice writes one
     * format, which serves for both).
     */
    private void checkSavepointRequest(JsonNode body, String dir, boolean requested) {
        JsonNode format = body.get("formatType");
        if (format != null && !format.isNull()) {
            String f = format.asText().toUpperCase(java.util.Locale.ROOT);
            if (!f.equals("CANONICAL") && !f.equals("NATIVE")) {
                throw new RestException(400, "unknown formatType '" + format.asText()
                        + "'; valid values: CANONICAL, NATIVE");
            }
        }
        if (requested) {
            try {
                paths.check("the savepoint directory", dir);
            } catch (io.sluice.table.api.ValidationException e) {
                throw new RestException(403, e.getMessage(), e);
            }
        }
    }

    /** A response with a status other than 200. */
    record Status(int code, JsonNode body) {
    }

    private static final Pattern LIST = Pattern.compile("^(?:/v1)?/jobs/?$");
    private static final Pattern CLUSTER = Pattern.compile("^(?:/v1)?/(overview|config)$");

    /** True when {@code path} belongs to this API. */
    static boolean handles(String path) {
        return LIST.matcher(path).matches() || PATH.matcher(path).matches() || CLUSTER.matcher(path).matches();
    }

    /** Answers a request on a path {@link #handles handled} here: a JSON node, or a {@link Status}. */
    Object route(String method, String path, String query, JsonNode body) {
        if (LIST.matcher(path).matches()) {
            requireMethod(method, "GET", path);
            return list();
        }
        Matcher cluster = CLUSTER.matcher(path);
        if (cluster.matches()) {
            requireMethod(method, "GET", path);
            return cluster.group(1).equals("overview") ? clusterOverview() : config();
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new RestException(404, "unknown path " + path);
        }
        if (m.group(1) != null) {
            requireMethod(method, "GET", path);
            return overview();
        }
        String id = m.group(2);
        String sub = m.group(3);
        if (sub == null) {
            if (method.equals("PATCH")) {
                return cancel(id, RestGateway.parameter(query, "mode"));
            }
            requireMethod(method, "GET", path);
            return job(id);
        }
        if (sub.equals("/stop")) {
            requireMethod(method, "POST", path);
            return stop(id, body);
        }
        if (sub.equals("/savepoints")) {
            requireMethod(method, "POST", path);
            return triggerSavepoint(id, body);
        }
        requireMethod(method, "GET", path);
        JobRegistry.Entry e = entry(id);
        if (m.group(4) != null) {
            return savepointStatus(id, m.group(4));
        }
        if (m.group(5) != null) {
            return vertex(e, m.group(5), m.group(6), RestGateway.parameter(query, "get"));
        }
        return switch (sub) {
            case "/plan" -> plan(e);
            case "/checkpoints" -> JobJson.checkpoints(e.execution().metrics());
            case "/exceptions" -> JobJson.exceptions(e.execution().metrics());
            case "/rates" -> rates(e);
            default -> JobJson.jobMetrics(e, RestGateway.parameter(query, "get"));
        };
    }

    private static void requireMethod(String method, String expected, String path) {
        if (!method.equals(expected)) {
            throw new RestException(405, method + " is not allowed on " + path);
        }
    }

    /** Flink's {@code GET /overview}: the "cluster" (this server) and how many jobs are in each state. */
    ObjectNode clusterOverview() {
        int running = 0;
        int finished = 0;
        int cancelled = 0;
        int failed = 0;
        for (JobRegistry.Entry e : jobs.entries()) {
            switch (e.client().getJobStatus()) {
                case FINISHED -> finished++;
                case CANCELED -> cancelled++;
                case FAILED -> failed++;
                default -> running++;
            }
        }
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("taskmanagers", 1);
        n.put("slots-total", Runtime.getRuntime().availableProcessors());
        n.put("slots-available", Runtime.getRuntime().availableProcessors());
        n.put("jobs-running", running);
        n.put("jobs-finished", finished);
        n.put("jobs-cancelled", cancelled);
        n.put("jobs-failed", failed);
        n.put("flink-version", "Sluice " + RestGateway.version());
        n.put("flink-commit", "");
        return n;
    }

    /** Flink's {@code GET /config}: what a web front end needs to know about the server. */
    ObjectNode config() {
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("refresh-interval", 1000);
        n.put("timezone-name", zone.getID());
        n.put("timezone-offset", zone.getOffset(System.currentTimeMillis()));
        n.put("flink-version", "Sluice " + RestGateway.version());
        n.put("flink-revision", "");
        ObjectNode features = n.putObject("features");
        features.put("web-submit", false);
        features.put("web-cancel", true);
        features.put("web-rescale", false);
        features.put("web-history", false);
        return n;
    }

    /** Flink's {@code GET /jobs}: every job's id and status. */
    ObjectNode list() {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("jobs");
        jobs.entries().forEach(e -> list.addObject().put("id", e.client().getJobID())
                .put("status", e.client().getJobStatus().name()));
        return n;
    }

    ObjectNode overview() {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("jobs");
        jobs.entries().forEach(e -> list.add(summary(e)));
        return n;
    }

    ObjectNode job(String id) {
        JobRegistry.Entry e = entry(id);
        ObjectNode n = summary(e);
        n.put("isStoppable", !e.client().getJobStatus().isTerminal());
        n.put("now", System.currentTimeMillis());
        ArrayNode vertices = n.putArray("vertices");
        JobMetrics metrics = e.execution().metrics();
        String state = e.client().getJobStatus().name();
        for (JobPlan.Vertex v : metrics.plan().vertices()) {
            ObjectNode vn = vertices.addObject();
            vn.put("id", v.id());
            vn.put("name", v.name());
            vn.put("maxParallelism", v.parallelism());
            vn.put("parallelism", v.parallelism());
            vn.put("status", state);
            vn.put("start-time", n.get("start-time").asLong());
            vn.put("end-time", n.get("end-time").asLong());
            vn.put("duration", n.get("duration").asLong());
            vn.putObject("tasks").put(state, v.parallelism());
            vn.set("metrics", JobJson.vertexMetrics(metrics.operators(v.index())));
        }
        n.putObject("status-counts").put(state, metrics.plan().vertices().size());
        n.set("plan", plan(e).get("plan"));
        return n;
    }

    ObjectNode plan(JobRegistry.Entry e) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ObjectNode plan = n.putObject("plan");
        plan.put("jid", e.client().getJobID());
        plan.put("name", e.name());
        plan.put("type", "STREAMING");
        ArrayNode nodes = plan.putArray("nodes");
        JobPlan p = e.execution().metrics().plan();
        for (JobPlan.Vertex v : p.vertices()) {
            ObjectNode node = nodes.addObject();
            node.put("id", v.id());
            node.put("parallelism", v.parallelism());
            node.put("operator", v.source() ? "Source" : v.sink() ? "Sink" : "");
            node.put("operator_strategy", "");
            node.put("description", v.name());
            ArrayNode inputs = null;
            for (JobPlan.Edge edge : p.edges()) {
                if (edge.to() == v.index()) {
                    if (inputs == null) {
                        inputs = node.putArray("inputs");
                    }
                    ObjectNode in = inputs.addObject();
                    in.put("num", edge.input());
                    in.put("id", p.vertices().get(edge.from()).id());
                    in.put("ship_strategy", edge.shipStrategy());
                    in.put("exchange", edge.chained() ? "chained" : "pipelined_bounded");
                    in.put("chained", edge.chained());
                }
            }
            node.putObject("optimizer_properties");
        }
        return n;
    }

    /** Sluice's {@code /jobs/{id}/rates}: records per second of each vertex over the last two minutes. */
    private ObjectNode rates(JobRegistry.Entry e) {
        RateHistory.History h = rates.history(e);
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ArrayNode times = n.putArray("timestamps");
        h.samples().forEach(s -> times.add(s.timestamp()));
        ArrayNode vertices = n.putArray("vertices");
        for (JobPlan.Vertex v : h.vertices()) {
            ObjectNode vn = vertices.addObject();
            vn.put("id", v.id());
            vn.put("name", v.name());
            ArrayNode values = vn.putArray("records-per-second");
            for (RateHistory.Sample s : h.samples()) {
                values.add(v.index() < s.rates().length ? s.rates()[v.index()] : 0);
            }
        }
        return n;
    }

    private JsonNode vertex(JobRegistry.Entry e, String vertexId, String sub, String get) {
        JobMetrics metrics = e.execution().metrics();
        JobPlan.Vertex v = metrics.plan().vertex(vertexId);
        if (v == null) {
            throw new RestException(404, "vertex " + vertexId + " not found in job " + e.client().getJobID());
        }
        List<OperatorMetrics> instances = metrics.operators(v.index());
        if (sub == null) {
            return JobJson.vertexDetails(e, v, instances);
        }
        return switch (sub) {
            case "/metrics" -> JobJson.subtaskMetricValues(instances, get);
            case "/subtasks/metrics" -> JobJson.aggregatedMetrics(instances, get);
            case "/watermarks" -> JobJson.watermarks(instances);
            default -> JobJson.backpressure(instances);
        };
    }

    ObjectNode cancel(String id, String mode) {
        if (mode != null && !mode.equals("cancel")) {
            throw new RestException(400, "mode must be cancel, not " + mode);
        }
        JobRegistry.Entry e = entry(id);
        try {
            e.client().cancel().get(30, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new RestException(500, "cancelling job " + id + " failed: " + ex.getMessage(), ex);
        }
        return RestJson.MAPPER.createObjectNode();
    }

    /** Flink's stop-with-savepoint: answers 202 with a trigger id to poll at {@code /jobs/{id}/savepoints/{trigger}}. */
    Status stop(String id, JsonNode body) {
        JobRegistry.Entry e = entry(id);
        String dir = body.hasNonNull("targetDirectory") ? body.get("targetDirectory").asText() : defaultDir(e);
        if (dir == null || dir.isEmpty()) {
            throw new RestException(400, "the request needs a \"targetDirectory\" (neither the server's"
                    + " --savepoint-dir nor the job's 'execution.checkpointing.savepoint-dir' is set)");
        }
        checkSavepointRequest(body, dir, body.hasNonNull("targetDirectory"));
        forgetSavepointsOfDroppedJobs();
        String trigger = UUID.randomUUID().toString().replace("-", "");
        savepoints.put(id + "/" + trigger, e.client().stopWithSavepoint(body.path("drain").asBoolean(false), dir));
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("request-id", trigger);
        return new Status(202, n);
    }

    /**
     * Flink's trigger-savepoint: body {@code {"target-directory": DIR, "cancel-job": false}}; the job keeps running
     * (with {@code "cancel-job": true} it stops after the savepoint). Answers 202 with a trigger id to poll at
     * {@code /jobs/{id}/savepoints/{trigger}}.
     */
    Status triggerSavepoint(String id, JsonNode body) {
        JobRegistry.Entry e = entry(id);
        String dir = body.hasNonNull("target-directory") ? body.get("target-directory").asText() : defaultDir(e);
        if (dir == null || dir.isEmpty()) {
            throw new RestException(400, "the request needs a \"target-directory\" (neither the server's"
                    + " --savepoint-dir nor the job's 'execution.checkpointing.savepoint-dir' is set)");
        }
        checkSavepointRequest(body, dir, body.hasNonNull("target-directory"));
        if (e.client().getJobStatus().isTerminal()) {
            throw new RestException(409, "Job " + id + " is not running (" + e.client().getJobStatus() + ")");
        }
        forgetSavepointsOfDroppedJobs();
        boolean cancel = body.path("cancel-job").asBoolean(false);
        String trigger = body.hasNonNull("triggerId") ? body.get("triggerId").asText()
                : UUID.randomUUID().toString().replace("-", "");
        savepoints.put(id + "/" + trigger, cancel ? e.client().stopWithSavepoint(false, dir)
                : e.client().triggerSavepoint(dir));
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("request-id", trigger);
        return new Status(202, n);
    }

    /** Drops the savepoint requests of jobs the job history no longer keeps. */
    private void forgetSavepointsOfDroppedJobs() {
        savepoints.keySet().removeIf(k -> jobs.get(k.substring(0, k.indexOf('/'))).isEmpty());
    }

    /** Where a job's savepoints go when a request names no directory: the server's, else the job's session's. */
    private String defaultDir(JobRegistry.Entry e) {
        return defaultSavepointDir != null ? defaultSavepointDir : e.savepointDir();
    }

    private ObjectNode savepointStatus(String id, String trigger) {
        CompletableFuture<String> f = savepoints.get(id + "/" + trigger);
        if (f == null) {
            throw new RestException(404, "no savepoint " + trigger + " for job " + id);
        }
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        if (!f.isDone()) {
            n.putObject("status").put("id", "IN_PROGRESS");
            return n;
        }
        n.putObject("status").put("id", "COMPLETED");
        ObjectNode op = n.putObject("operation");
        try {
            op.put("location", f.join());
        } catch (Exception ex) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            ObjectNode failure = op.putObject("failure-cause");
            failure.put("class", cause.getClass().getName());
            failure.put("stack-trace", String.valueOf(cause.getMessage()));
        }
        return n;
    }

    private JobRegistry.Entry entry(String id) {
        return jobs.get(id).orElseThrow(() -> new RestException(404, "Job " + id + " not found"));
    }

    private ObjectNode summary(JobRegistry.Entry e) {
        JobStatus status = e.client().getJobStatus();
        long now = System.currentTimeMillis();
        long end = status.isTerminal() ? jobs.endMillis(e.client().getJobID()) : -1;
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("jid", e.client().getJobID());
        n.put("name", e.name());
        n.put("state", status.name());
        n.put("start-time", e.startMillis());
        n.put("end-time", end);
        n.put("duration", (end < 0 ? now : end) - e.startMillis());
        n.put("last-modification", end < 0 ? e.startMillis() : end);
        return n;
    }
}
