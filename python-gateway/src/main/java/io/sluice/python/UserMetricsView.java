package io.sluice.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Meter;
import io.sluice.metrics.Metric;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.OperatorMetrics;
import java.util.Map;

/**
 * The user-defined metrics of a job for the Python side's {@code JobClient.get_metrics()}: one entry per metric of
 * each operator instance, named as Flink's REST API names a vertex's metrics ({@code <subtask>.<operator>.<group
 * path>.<name>}); a counter's value is its count, a gauge's its value, a meter's and a distribution's an object of
 * their figures.
 */
public final class UserMetricsView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserMetricsView() {
    }

    /** The job behind a job client the gateway handed to Python, or null when it is not known. */
    static JobExecution execution(Object jobClient) {
        if (jobClient instanceof io.sluice.table.api.internal.JobClientImpl) {
            return ((io.sluice.table.api.internal.JobClientImpl) jobClient).execution();
        }
        if (jobClient instanceof io.sluice.python.datastream.DataStreamJobClient) {
            return ((io.sluice.python.datastream.DataStreamJobClient) jobClient).execution();
        }
        return null;
    }

    /** The user metrics of the job of {@code jobClient}, as JSON. */
    static JsonNode of(Object jobClient) {
        JobExecution execution = execution(jobClient);
        if (execution == null) {
            throw new IllegalArgumentException("The metrics of this job are not known to the engine.");
        }
        return of(execution.metrics());
    }

    /** The user metrics of every operator instance of {@code metrics}, as JSON. */
    public static ObjectNode of(JobMetrics metrics) {
        ObjectNode out = JSON.createObjectNode();
        for (OperatorMetrics op : metrics.operators()) {
            for (Map.Entry<String, Metric> e : op.userMetricGroup().metrics().entrySet()) {
                String id = op.subtask() + "." + op.vertexName() + "." + e.getKey();
                out.set(id, value(e.getValue()));
            }
        }
        return out;
    }

    private static JsonNode value(Metric m) {
        if (m instanceof Counter) {
            return JSON.valueToTree(((Counter) m).getCount());
        }
        if (m instanceof Meter) {
            ObjectNode n = JSON.createObjectNode();
            n.put("count", ((Meter) m).getCount());
            n.put("rate", ((Meter) m).getRate());
            return n;
        }
        if (m instanceof PythonMetrics.PythonDistribution) {
            PythonMetrics.PythonDistribution d = (PythonMetrics.PythonDistribution) m;
            ObjectNode n = JSON.createObjectNode();
            n.put("count", d.getCount());
            n.put("sum", d.getSum());
            n.put("min", d.getMin());
            n.put("max", d.getMax());
            n.put("mean", d.getMean());
            return n;
        }
        if (m instanceof Gauge) {
            Object v = ((Gauge<?>) m).getValue();
            return v instanceof Number || v instanceof Boolean || v == null ? JSON.valueToTree(v)
                    : JSON.getNodeFactory().textNode(String.valueOf(v));
        }
        return JSON.getNodeFactory().textNode(String.valueOf(m));
    }
}
