package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.metrics.CheckpointStats;
import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.server.JobRegistry;
import io.sluice.server.metrics.UserMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The JSON of the job API's detail endpoints in Flink's shapes: vertex metrics, per-subtask metric values,
 * watermarks, back pressure, checkpoint statistics and the exception history.
 */
final class JobJson {
    /** The metrics of an operator instance, by their Flink names. */
    static final Map<String, ToDoubleFunction<OperatorMetrics>> SUBTASK_METRICS = new LinkedHashMap<>();

    static {
        SUBTASK_METRICS.put("numRecordsIn", OperatorMetrics::numRecordsIn);
        SUBTASK_METRICS.put("numRecordsOut", OperatorMetrics::numRecordsOut);
        SUBTASK_METRICS.put("numBytesIn", OperatorMetrics::numBytesIn);
        SUBTASK_METRICS.put("numBytesOut", OperatorMetrics::numBytesOut);
        SUBTASK_METRICS.put("numRecordsInPerSecond", OperatorMetrics::numRecordsInPerSecond);
        SUBTASK_METRICS.put("numRecordsOutPerSecond", OperatorMetrics::numRecordsOutPerSecond);
        SUBTASK_METRICS.put("numBytesInPerSecond", OperatorMetrics::numBytesInPerSecond);
        SUBTASK_METRICS.put("numBytesOutPerSecond", OperatorMetrics::numBytesOutPerSecond);
        SUBTASK_METRICS.put("busyTimeMsPerSecond", OperatorMetrics::busyTimeMsPerSecond);
        SUBTASK_METRICS.put("backPressuredTimeMsPerSecond", OperatorMetrics::backPressuredTimeMsPerSecond);
        SUBTASK_METRICS.put("idleTimeMsPerSecond", OperatorMetrics::idleTimeMsPerSecond);
        SUBTASK_METRICS.put("accumulateBusyTimeMs", OperatorMetrics::accumulatedBusyTimeMs);
        SUBTASK_METRICS.put("accumulateBackPressuredTimeMs", OperatorMetrics::accumulatedBackPressuredTimeMs);
        SUBTASK_METRICS.put("currentInputWatermark", OperatorMetrics::currentInputWatermark);
        SUBTASK_METRICS.put("currentOutputWatermark", OperatorMetrics::currentOutputWatermark);
        SUBTASK_METRICS.put("watermarkLag", OperatorMetrics::watermarkLag);
        SUBTASK_METRICS.put("numLateRecordsDropped", OperatorMetrics::numLateRecordsDropped);
        SUBTASK_METRICS.put("numLateRecordsRouted", OperatorMetrics::numLateRecordsRouted);
        SUBTASK_METRICS.put("numBadRecordsRouted", OperatorMetrics::numBadRecordsRouted);
        SUBTASK_METRICS.put("numBadRecordsSkipped", OperatorMetrics::numBadRecordsSkipped);
        SUBTASK_METRICS.put("stateSize", OperatorMetrics::stateSize);
        SUBTASK_METRICS.put("pendingRecords", OperatorMetrics::pendingRecords);
    }

    private JobJson() {
    }

    /**
     * A vertex's summed metrics in the shape of Flink's {@code /jobs/{id}} vertices ({@code read-records}, ...),
     * plus Sluice's live values for the UI: rates, the minimum input watermark (the output watermark for operators
     * without one, such as sources), state size and ratios.
     */
    static ObjectNode vertexMetrics(List<OperatorMetrics> instances) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        long recordsIn = 0;
        long recordsOut = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        long busy = 0;
        long backPressured = 0;
        long late = 0;
        long routed = 0;
        long state = -1;
        double inRate = 0;
        double outRate = 0;
        double busyRatio = 0;
        double backPressureRatio = 0;
        long watermark = Long.MAX_VALUE;
        long lag = -1;
        for (OperatorMetrics m : instances) {
            recordsIn += m.numRecordsIn();
            recordsOut += m.numRecordsOut();
            bytesIn += m.numBytesIn();
            bytesOut += m.numBytesOut();
            busy += m.accumulatedBusyTimeMs();
            backPressured += m.accumulatedBackPressuredTimeMs();
            late += m.numLateRecordsDropped();
            routed += m.numLateRecordsRouted();
            if (m.stateSize() >= 0) {
                state = Math.max(state, 0) + m.stateSize();
            }
            inRate += m.numRecordsInPerSecond();
            outRate += m.numRecordsOutPerSecond();
            busyRatio = Math.max(busyRatio, m.busyTimeMsPerSecond() / 1000);
            backPressureRatio = Math.max(backPressureRatio, m.backPressuredTimeMsPerSecond() / 1000);
            long w = m.currentInputWatermark() != OperatorMetrics.NO_WATERMARK ? m.currentInputWatermark()
                    : m.currentOutputWatermark(); // sources and watermark assigners: what they emit
            watermark = Math.min(watermark, w);
            lag = Math.max(lag, m.watermarkLag());
        }
        if (instances.isEmpty()) {
            watermark = OperatorMetrics.NO_WATERMARK;
        }
        n.put("read-bytes", bytesIn);
        n.put("read-bytes-complete", true);
        n.put("write-bytes", bytesOut);
        n.put("write-bytes-complete", true);
        n.put("read-records", recordsIn);
        n.put("read-records-complete", true);
        n.put("write-records", recordsOut);
        n.put("write-records-complete", true);
        n.put("accumulated-backpressured-time", backPressured);
        n.put("accumulated-busy-time", busy);
        n.put("records-in-per-second", inRate);
        n.put("records-out-per-second", outRate);
        n.put("current-watermark", watermark);
        n.put("watermark-lag", lag);
        n.put("state-size", state);
        n.put("late-records-dropped", late);
        n.put("late-records-routed", routed);
        n.put("busy-ratio", busyRatio);
        n.put("backpressure-ratio", backPressureRatio);
        n.put("backpressure-level", level(backPressureRatio));
        return n;
    }

    /** Flink's back-pressure levels: up to 10% ok, up to 50% low, above that high. */
    static String level(double ratio) {
        return ratio <= 0.10 ? "ok" : ratio <= 0.5 ? "low" : "high";
    }

    static ObjectNode vertexDetails(JobRegistry.Entry e, JobPlan.Vertex v, List<OperatorMetrics> instances) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("id", v.id());
        n.put("name", v.name());
        n.put("parallelism", v.parallelism());
        n.put("maxParallelism", v.parallelism());
        n.put("now", System.currentTimeMillis());
        ArrayNode subtasks = n.putArray("subtasks");
        for (OperatorMetrics m : instances) {
            ObjectNode s = subtasks.addObject();
            s.put("subtask", m.subtask());
            s.put("status", e.client().getJobStatus().name());
            s.put("attempt", e.execution().restarts());
            s.put("host", "localhost");
            s.put("start-time", e.startMillis());
            s.set("metrics", vertexMetrics(List.of(m)));
        }
        return n;
    }

    /**
     * Flink's {@code /vertices/{vid}/metrics}: ids {@code <subtask>.<metric>}, and {@code <subtask>.<operator>.<group
     * path>.<name>} for the user metrics of functions ({@link UserMetrics}); values only for {@code get}.
     */
    static ArrayNode subtaskMetricValues(List<OperatorMetrics> instances, String get) {
        ArrayNode list = RestJson.MAPPER.createArrayNode();
        if (get == null) {
            for (OperatorMetrics m : instances) {
                SUBTASK_METRICS.keySet().forEach(name -> list.addObject().put("id", m.subtask() + "." + name));
                UserMetrics.values(m).keySet().forEach(name -> list.addObject()
                        .put("id", m.subtask() + "." + m.vertexName() + "." + name));
            }
            return list;
        }
        for (String id : get.split(",")) {
            int dot = id.indexOf('.');
            if (dot < 0) {
                continue;
            }
            int subtask;
            try {
                subtask = Integer.parseInt(id.substring(0, dot));
            } catch (NumberFormatException ex) {
                continue;
            }
            if (subtask < 0 || subtask >= instances.size()) {
                continue;
            }
            OperatorMetrics instance = instances.get(subtask);
            String name = id.substring(dot + 1);
            ToDoubleFunction<OperatorMetrics> f = SUBTASK_METRICS.get(name);
            if (f != null) {
                list.addObject().put("id", id).put("value", format(f.applyAsDouble(instance)));
                continue;
            }
            Double user = userMetric(instance, name);
            if (user != null) {
                list.addObject().put("id", id).put("value", format(user));
            }
        }
        return list;
    }

    /** The user metric {@code <operator>.<group path>.<name>} of {@code instance}, or null. */
    private static Double userMetric(OperatorMetrics instance, String name) {
        String prefix = instance.vertexName() + ".";
        return name.startsWith(prefix) ? UserMetrics.values(instance).get(name.substring(prefix.length())) : null;
    }

    /**
     * Flink's {@code /vertices/{vid}/subtasks/metrics}: min, max, avg and sum over the subtasks (for a user metric
     * {@code <operator>.<group path>.<name>}, over the subtasks that have it).
     */
    static ArrayNode aggregatedMetrics(List<OperatorMetrics> instances, String get) {
        ArrayNode list = RestJson.MAPPER.createArrayNode();
        List<String> names = new ArrayList<>();
        if (get == null) {
            names.addAll(SUBTASK_METRICS.keySet());
            java.util.Set<String> user = new java.util.TreeSet<>();
            for (OperatorMetrics m : instances) {
                UserMetrics.values(m).keySet().forEach(k -> user.add(m.vertexName() + "." + k));
            }
            names.addAll(user);
        } else {
            names.addAll(List.of(get.split(",")));
        }
        for (String name : names) {
            ToDoubleFunction<OperatorMetrics> f = SUBTASK_METRICS.get(name);
            List<Double> values = new ArrayList<>();
            for (OperatorMetrics m : instances) {
                Double v = f != null ? Double.valueOf(f.applyAsDouble(m)) : userMetric(m, name);
                if (v != null) {
                    values.add(v);
                }
            }
            if (f == null && values.isEmpty() && (get != null || instances.isEmpty())) {
                continue;
            }
            ObjectNode n = list.addObject().put("id", name);
            if (get == null || values.isEmpty()) {
                continue;
            }
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double sum = 0;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            n.put("min", min).put("max", max).put("avg", sum / values.size()).put("sum", sum);
        }
        return list;
    }

    static ArrayNode watermarks(List<OperatorMetrics> instances) {
        ArrayNode list = RestJson.MAPPER.createArrayNode();
        for (OperatorMetrics m : instances) {
            list.addObject().put("id", m.subtask() + ".currentInputWatermark")
                    .put("value", String.valueOf(m.currentInputWatermark()));
        }
        return list;
    }

    /** Flink's {@code /backpressure}, from measured back-pressured time rather than sampled stacks. */
    static ObjectNode backpressure(List<OperatorMetrics> instances) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("status", "ok");
        n.put("end-timestamp", System.currentTimeMillis());
        double worst = 0;
        ArrayNode subtasks = n.putArray("subtasks");
        for (OperatorMetrics m : instances) {
            double ratio = m.backPressuredTimeMsPerSecond() / 1000;
            worst = Math.max(worst, ratio);
            subtasks.addObject().put("subtask", m.subtask()).put("backpressureLevel", level(ratio))
                    .put("ratio", ratio).put("idleRatio", m.idleTimeMsPerSecond() / 1000)
                    .put("busyRatio", m.busyTimeMsPerSecond() / 1000);
        }
        n.put("backpressureLevel", level(worst));
        return n;
    }

    /** Flink's job metrics ({@code /jobs/{id}/metrics}): ids without {@code get}, values for the listed ones. */
    static ArrayNode jobMetrics(JobRegistry.Entry e, String get) {
        JobExecution execution = e.execution();
        CheckpointStats cp = execution.metrics().checkpoints();
        CheckpointStats.Entry last = cp.latestCompleted();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("uptime", e.client().getJobStatus().isTerminal() ? 0
                : System.currentTimeMillis() - execution.startTime());
        values.put("numRestarts", execution.restarts());
        values.put("numberOfCompletedCheckpoints", cp.numberOfCompletedCheckpoints());
        values.put("numberOfFailedCheckpoints", cp.numberOfFailedCheckpoints());
        values.put("numberOfInProgressCheckpoints", cp.numberOfInProgressCheckpoints());
        values.put("totalNumberOfCheckpoints", cp.numberOfCompletedCheckpoints() + cp.numberOfFailedCheckpoints()
                + cp.numberOfInProgressCheckpoints());
        values.put("lastCheckpointDuration", last == null ? -1 : last.duration());
        values.put("lastCheckpointSize", last == null ? -1 : last.stateSize());
        values.put("lastCheckpointExternalPath", last == null ? "n/a" : last.externalPath());
        values.put("lastCheckpointRestoreTimestamp", cp.restoredTimestamp());
        ArrayNode list = RestJson.MAPPER.createArrayNode();
        List<String> wanted = get == null ? null : List.of(get.split(","));
        values.forEach((k, v) -> {
            if (wanted == null) {
                list.addObject().put("id", k);
            } else if (wanted.contains(k)) {
                list.addObject().put("id", k).put("value", String.valueOf(v));
            }
        });
        return list;
    }

    private static String format(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Flink's {@code /jobs/{id}/checkpoints}. */
    static ObjectNode checkpoints(JobMetrics metrics) {
        CheckpointStats cp = metrics.checkpoints();
        List<CheckpointStats.Entry> history = cp.history();
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        ObjectNode counts = n.putObject("counts");
        counts.put("restored", cp.restoredFrom() == null ? 0 : 1);
        counts.put("total", cp.numberOfCompletedCheckpoints() + cp.numberOfFailedCheckpoints()
                + cp.numberOfInProgressCheckpoints());
        counts.put("in_progress", cp.numberOfInProgressCheckpoints());
        counts.put("completed", cp.numberOfCompletedCheckpoints());
        counts.put("failed", cp.numberOfFailedCheckpoints());
        ObjectNode summary = n.putObject("summary");
        List<CheckpointStats.Entry> done = history.stream().filter(h -> h.status().equals("COMPLETED")).toList();
        summary.set("state_size", stats(done.stream().mapToLong(CheckpointStats.Entry::stateSize).toArray()));
        summary.set("checkpointed_size", stats(done.stream().mapToLong(CheckpointStats.Entry::stateSize).toArray()));
        summary.set("end_to_end_duration", stats(done.stream().mapToLong(CheckpointStats.Entry::duration).toArray()));
        ObjectNode latest = n.putObject("latest");
        int subtasks = metrics.operators().size();
        putEntry(latest, "completed", cp.latestCompleted(), subtasks);
        putEntry(latest, "savepoint", cp.latestSavepoint(), subtasks);
        putEntry(latest, "failed", cp.latestFailed(), subtasks);
        if (cp.restoredFrom() == null) {
            latest.putNull("restored");
        } else {
            ObjectNode r = latest.putObject("restored");
            r.put("restore_timestamp", cp.restoredTimestamp());
            r.put("external_path", cp.restoredFrom());
        }
        ArrayNode list = n.putArray("history");
        history.forEach(h -> list.add(entry(h, subtasks)));
        return n;
    }

    private static void putEntry(ObjectNode parent, String field, CheckpointStats.Entry e, int subtasks) {
        if (e == null) {
            parent.putNull(field);
        } else {
            parent.set(field, entry(e, subtasks));
        }
    }

    private static ObjectNode entry(CheckpointStats.Entry e, int subtasks) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        n.put("@class", e.status().equals("COMPLETED") ? "completed" : e.status().equals("FAILED") ? "failed"
                : "in_progress");
        n.put("id", e.id());
        n.put("status", e.status());
        n.put("is_savepoint", e.savepoint());
        n.put("checkpoint_type", e.savepoint() ? "SAVEPOINT" : "CHECKPOINT");
        n.put("trigger_timestamp", e.triggerTimestamp());
        n.put("latest_ack_timestamp", e.endTimestamp());
        n.put("state_size", Math.max(0, e.stateSize()));
        n.put("checkpointed_size", Math.max(0, e.stateSize()));
        n.put("end_to_end_duration", Math.max(0, e.duration()));
        n.put("num_subtasks", subtasks);
        n.put("num_acknowledged_subtasks", e.status().equals("COMPLETED") ? subtasks : 0);
        if (e.externalPath() != null) {
            n.put("external_path", e.externalPath());
            n.put("discarded", false);
        }
        if (e.status().equals("FAILED")) {
            n.put("failure_timestamp", e.endTimestamp());
            n.put("failure_message", e.failureMessage());
        }
        return n;
    }

    private static JsonNode stats(long[] values) {
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        if (values.length == 0) {
            return n.put("min", 0).put("max", 0).put("avg", 0);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long sum = 0;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return n.put("min", min).put("max", max).put("avg", sum / values.length);
    }

    /** Flink's {@code /jobs/{id}/exceptions}, with the failing operator as {@code taskName}. */
    static ObjectNode exceptions(JobMetrics metrics) {
        List<JobMetrics.ExceptionEntry> list = metrics.exceptions();
        ObjectNode n = RestJson.MAPPER.createObjectNode();
        if (list.isEmpty()) {
            n.putNull("root-exception");
            n.putNull("timestamp");
        } else {
            n.put("root-exception", list.get(0).stacktrace());
            n.put("timestamp", list.get(0).timestamp());
        }
        ArrayNode all = n.putArray("all-exceptions");
        ObjectNode history = n.putObject("exceptionHistory");
        ArrayNode entries = history.putArray("entries");
        for (JobMetrics.ExceptionEntry e : list) {
            ObjectNode a = all.addObject();
            a.put("exception", e.stacktrace());
            a.put("task", e.operatorName());
            a.put("location", "localhost");
            a.put("timestamp", e.timestamp());
            ObjectNode h = entries.addObject();
            h.put("exceptionName", e.exceptionName());
            h.put("message", e.message());
            h.put("stacktrace", e.stacktrace());
            h.put("timestamp", e.timestamp());
            h.put("taskName", e.operatorName());
            h.put("location", "localhost");
            h.putObject("failureLabels");
            h.putArray("concurrentExceptions");
        }
        n.put("truncated", false);
        history.put("truncated", false);
        return n;
    }
}
