package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.JobPlan;
import io.sluice.runtime.metrics.OperatorMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both executors count the same metrics per operator instance: the plan with its exchanges, records and bytes
 * in and out (what one operator emits, the next receives), watermarks, state sizes and checkpoints.
 */
class JobMetricsTest {
    @TempDir
    Path checkpoints;

    private static long sum(List<OperatorMetrics> instances, java.util.function.ToLongFunction<OperatorMetrics> f) {
        return instances.stream().mapToLong(f).sum();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(30)
    void recordsFlowThroughTheCountsOfEveryInstance(int parallelism) throws Exception {
        List<String> sink = new ArrayList<>();
        long rows = 40;
        WindowJobs.Plan plan = new WindowJobs.Plan(rows, parallelism > 1 ? rows : 0, 1, true, true);
        Configuration config = new Configuration().set(ExecutionOptions.PARALLELISM, parallelism)
                .set(CheckpointingOptions.INTERVAL, Duration.ofMillis(5))
                .set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
        JobExecution job = LocalExecutor.submit(WindowJobs.windowCounts(plan, sink), config);
        assertTrue(job.await(20, TimeUnit.SECONDS));
        job.await();
        JobMetrics metrics = job.metrics();

        JobPlan p = metrics.plan();
        assertEquals(3, p.vertices().size());
        assertEquals(parallelism, p.vertices().get(0).parallelism());
        assertTrue(p.vertices().get(0).source() && p.vertices().get(2).sink());
        assertEquals(parallelism > 1 ? "HASH" : "FORWARD", p.edges().get(0).shipStrategy());
        assertEquals(p.vertices().get(1), p.vertex(p.vertices().get(1).id()));

        List<OperatorMetrics> source = metrics.operators(0);
        List<OperatorMetrics> window = metrics.operators(1);
        List<OperatorMetrics> out = metrics.operators(2);
        assertEquals(parallelism, source.size());
        long expected = rows * parallelism;
        assertEquals(expected, sum(source, OperatorMetrics::numRecordsOut));
        assertEquals(expected, sum(source, OperatorMetrics::numRecordsIn), "a source counts what it reads as input");
        assertEquals(expected, sum(window, OperatorMetrics::numRecordsIn));
        assertEquals(sum(window, OperatorMetrics::numRecordsOut), sum(out, OperatorMetrics::numRecordsIn));
        assertEquals(sink.size(), sum(out, OperatorMetrics::numRecordsIn));
        assertTrue(sum(source, OperatorMetrics::numBytesOut) > 0);
        assertTrue(sum(window, OperatorMetrics::numBytesIn) > 0);
        for (OperatorMetrics w : window) {
            assertTrue(w.currentInputWatermark() >= (rows - 1) * 100, "watermark " + w.currentInputWatermark());
        }
        assertTrue(source.get(0).currentOutputWatermark() >= (rows - 1) * 100);
        assertTrue(sum(window, OperatorMetrics::accumulatedBusyTimeMs) >= 0);
        assertTrue(metrics.checkpoints().numberOfCompletedCheckpoints() >= 1, "checkpoints every 5 ms");
        assertEquals(job.completedCheckpoints(), metrics.checkpoints().numberOfCompletedCheckpoints());
        assertTrue(source.get(0).stateSize() > 0, "a source's position is its state");
        assertTrue(metrics.checkpoints().latestCompleted().externalPath().startsWith(checkpoints.toString()));
        assertEquals(List.of(), metrics.exceptions());
    }
}
