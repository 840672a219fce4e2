package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.StreamOperator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fast source feeding a slow operator through a hash exchange: the exchange queues fill up, the source's task
 * blocks on them (back-pressured time) and the slow operator is busy.
 */
class BackPressureMetricsTest {
    /** Passes batches on after sleeping 2 ms per batch. */
    private static final class SlowOperator implements StreamOperator {
        private Output output;

        @Override
        public void open(OperatorContext context, Output output) {
            this.output = output;
        }

        @Override
        public void processBatch(int input, RowBatch batch) throws Exception {
            Thread.sleep(2);
            output.emit(batch);
        }

        @Override
        public void endInput(int input) {
        }

        @Override
        public boolean isStateless() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    @Timeout(30)
    void aSlowConsumerBackPressuresTheSource() throws Exception {
        SourceTransformation source = WindowJobs.events("Source events", new WindowJobs.Plan(-1, -1, 0, false, false));
        OperatorTransformation slow = new OperatorTransformation("Slow", List.of(source), SlowOperator::new,
                WindowJobs.EVENTS);
        slow.withInputPartitioning(0, InputPartitioning.hash(new int[] {0}));
        SinkTransformation sink = new SinkTransformation("Sink discard", slow, context -> new SinkWriter() {
            @Override
            public void open() {
            }

            @Override
            public void write(RowBatch batch) {
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        });
        JobExecution job = LocalExecutor.submit(new JobGraph("back-pressure", List.of(sink)),
                new Configuration().set(ExecutionOptions.PARALLELISM, 2));
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (true) {
                List<OperatorMetrics> sources = job.metrics().operators(0);
                List<OperatorMetrics> slowOnes = job.metrics().operators(1);
                long backPressured = sources.stream().mapToLong(OperatorMetrics::accumulatedBackPressuredTimeMs).sum();
                long busy = slowOnes.stream().mapToLong(OperatorMetrics::accumulatedBusyTimeMs).sum();
                if (backPressured > 200 && busy > 200) {
                    break;
                }
                assertTrue(System.currentTimeMillis() < deadline,
                        "back-pressured " + backPressured + " ms, busy " + busy + " ms");
                Thread.sleep(50);
            }
        } finally {
            job.cancel();
            assertTrue(job.await(10, TimeUnit.SECONDS));
        }
    }
}
