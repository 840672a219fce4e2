package io.sluice.datastream.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.core.execution.JobClient;
import io.sluice.metrics.Counter;
import io.sluice.metrics.Gauge;
import io.sluice.metrics.Metric;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code getRuntimeContext().getMetricGroup()} in a rich function: its counters and gauges are the operator
 * instance's user metrics, which the server exports.
 */
class RuntimeContextMetricsTest {
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Counts the records in group {@code myGroup}, reports the last one as a gauge; holds the last record. */
    public static final class Counting extends RichMapFunction<Long, Long> {
        private transient Counter seen;
        private transient volatile long last;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getMetricGroup().addGroup("myGroup").counter("seen");
            getRuntimeContext().getMetricGroup().gauge("last", (Gauge<Long>) () -> last);
        }

        @Override
        public Long map(Long value) throws Exception {
            seen.inc();
            last = value;
            if (value == 100) {
                RELEASE.await(30, TimeUnit.SECONDS);
            }
            return value;
        }
    }

    @Test
    @Timeout(60)
    void countersAndGaugesOfARichFunctionAreTheOperatorsUserMetrics() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<Long> values = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            values.add(i);
        }
        env.fromData(values).map(new Counting()).name("counting").sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("metrics");
        try {
            JobExecution execution = JobExecution.running(client.getJobID().toString()).orElseThrow();
            Map<String, Metric> metrics = Map.of();
            long end = System.currentTimeMillis() + 30_000;
            while (!metrics.containsKey("myGroup.seen")
                    || ((Counter) metrics.get("myGroup.seen")).getCount() < 100) {
                assertTrue(System.currentTimeMillis() < end, "no user counter: " + metrics);
                Thread.sleep(20);
                for (OperatorMetrics m : execution.metrics().operators()) {
                    if (m.userMetricGroup().metrics().containsKey("myGroup.seen")) {
                        metrics = m.userMetricGroup().metrics();
                    }
                }
            }
            assertEquals(100, ((Counter) metrics.get("myGroup.seen")).getCount());
            assertEquals(100L, ((Gauge<?>) metrics.get("last")).getValue());
        } finally {
            RELEASE.countDown();
        }
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    }
}
