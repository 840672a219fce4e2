package io.sluice.server.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.execution.JobStatus;
import io.sluice.server.JobRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Flink's job REST API over the server's jobs: {@code GET /jobs/overview}, {@code GET /jobs/{id}} and
 * {@code PATCH /jobs/{id}?mode=cancel}, in Flink's JSON shapes (job id {@code jid}, {@code name}, {@code state},
 * {@code start-time}, {@code end-time}, {@code duration}). Sluice does not track per-vertex details yet, so
 * {@code vertices} is empty.
 */
final class JobsApi {
    private final JobRegistry jobs;
    private final java.util.Map<String, Long> endTimes = new java.util.concurrent.ConcurrentHashMap<>();

    JobsApi(JobRegistry jobs) {
        this.jobs = jobs;
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
        n.put("isStoppable", false);
        n.put("now", System.currentTimeMillis());
        n.putArray("vertices");
        return n;
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

    private JobRegistry.Entry entry(String id) {
        return jobs.get(id).orElseThrow(() -> new RestException(404, "Job " + id + " not found"));
    }

    private ObjectNode summary(JobRegistry.Entry e) {
        JobStatus status = e.client().getJobStatus();
        long now = System.currentTimeMillis();
        long end = status.isTerminal() ? endTimes.computeIfAbsent(e.client().getJobID(), k -> now) : -1;
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
