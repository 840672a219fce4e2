package io.sluice.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.metrics.Counter;
import io.sluice.metrics.Meter;
import io.sluice.metrics.Metric;
import io.sluice.runtime.metrics.UserMetricGroup;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonMetricsTest {
    private static void apply(PythonMetrics m, String json) throws Exception {
        m.apply(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void framesAddUpInTheOperatorsMetricGroup() throws Exception {
        UserMetricGroup group = new UserMetricGroup();
        PythonMetrics m = new PythonMetrics(group);
        apply(m, "[[\"c\", [\"shop\", \"orders\"], \"seen\", 3], [\"g\", [], \"last\", 7],"
                + " [\"m\", [], \"events\", [5, 10]], [\"d\", [\"udf\"], \"sizes\", [2, 9, 4, 5]]]");
        apply(m, "[[\"c\", [\"shop\", \"orders\"], \"seen\", 2], [\"g\", [], \"last\", 1.5],"
                + " [\"d\", [\"udf\"], \"sizes\", [1, 1, 1, 1]]]");
        Map<String, Metric> metrics = group.metrics();
        assertEquals(5L, ((Counter) metrics.get("shop.orders.seen")).getCount());
        assertEquals(1.5, ((PythonMetrics.PythonGauge) metrics.get("last")).getValue());
        assertEquals(5L, ((Meter) metrics.get("events")).getCount());
        PythonMetrics.PythonDistribution d = (PythonMetrics.PythonDistribution) metrics.get("udf.sizes");
        assertEquals(3, d.getCount());
        assertEquals(10, d.getSum());
        assertEquals(1, d.getMin());
        assertEquals(5, d.getMax());
        // a worker started again (after a restart) keeps adding to the same counter
        apply(new PythonMetrics(group), "[[\"c\", [\"shop\", \"orders\"], \"seen\", 1],"
                + " [\"d\", [\"udf\"], \"sizes\", [1, 7, 7, 7]]]");
        assertEquals(6L, ((Counter) group.metrics().get("shop.orders.seen")).getCount());
        assertEquals(4, ((PythonMetrics.PythonDistribution) group.metrics().get("udf.sizes")).getCount());
        String json = UserMetricsView.of(jobWith(group)).toString();
        assertEquals(true, json.contains("\"0.Map.shop.orders.seen\":6"), json);
    }

    @Test
    void keyValueGroupsOfPythonAreReportedByTheirKey() throws Exception {
        UserMetricGroup group = new UserMetricGroup();
        apply(new PythonMetrics(group), "[[\"c\", [\"udf\", \"shop\", \"orders\"], \"seen\", 2, [1]]]");
        assertEquals(2L, ((Counter) group.metrics().get("udf.shop.orders.seen")).getCount());
        assertEquals(new UserMetricGroup.Reported("udf.shop.seen", Map.of("shop", "orders")),
                group.reported().get("udf.shop.orders.seen"));
    }

    @Test
    void anUnknownKindIsAnError() {
        PythonMetrics m = new PythonMetrics(new UserMetricGroup());
        assertThrows(java.io.IOException.class, () -> apply(m, "[[\"h\", [], \"x\", 1]]"));
    }

    private static io.sluice.runtime.metrics.JobMetrics jobWith(UserMetricGroup group) {
        io.sluice.runtime.metrics.JobMetrics job = new io.sluice.runtime.metrics.JobMetrics("j");
        io.sluice.runtime.metrics.OperatorMetrics op = job.operator(0, "Map", 0, 1, false);
        group.metrics().forEach((id, metric) -> {
            if (metric instanceof Counter) {
                op.userMetricGroup().counter(id, (Counter) metric);
            }
        });
        return job;
    }
}
