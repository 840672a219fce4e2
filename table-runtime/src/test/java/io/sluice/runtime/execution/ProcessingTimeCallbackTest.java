package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.aggregate.AggregateKind;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.GroupAggregateOperator;
import io.sluice.runtime.operator.aggregate.MiniBatchSettings;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executors call {@link io.sluice.runtime.operator.StreamOperator#onProcessingTime} while the sources
 * have nothing to read: a mini-batch aggregate over a source that emits a few rows and then stays silent
 * (unbounded, never ending) emits its results shortly after its allowed latency, with no further input.
 */
class ProcessingTimeCallbackTest {
    private static final RowType IN = TestBatches.rowType("k", LogicalType.bigint(), "v", LogicalType.bigint());
    private static final RowType OUT = TestBatches.rowType("k", LogicalType.bigint(),
            "c", LogicalType.bigint().notNull(), "s", LogicalType.bigint());
    /** The mini-batch latency; its size is never reached. */
    private static final long LATENCY_MILLIS = 200;

    /** source (rows k = i % 3, v = i for i in 0..5 of subtask 0, then silence) -> mini-batch COUNT/SUM per k -> sink. */
    private static JobGraph job(List<String> sink) {
        SourceTransformation source = new SourceTransformation("Source rows", new SilentAfterRowsSource(),
                new int[] {0, 1}, IN);
        List<AggregateSpec> aggs = List.of(
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "c"),
                new AggregateSpec(AggregateKind.SUM, new int[] {1}, false, -1, LogicalType.bigint(), "s"));
        OperatorTransformation aggregate = new OperatorTransformation("GroupAggregate", List.of(source),
                () -> new GroupAggregateOperator(IN, new int[] {0}, aggs, OUT,
                        new MiniBatchSettings(LATENCY_MILLIS, 1_000_000)), OUT);
        aggregate.withInputPartitioning(0, InputPartitioning.hash(new int[] {0}));
        SinkTransformation out = new SinkTransformation("Sink collect", aggregate, context -> new Collecting(sink));
        return new JobGraph("mini-batch-idle", List.of(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(30)
    void miniBatchIsProcessedOnAnIdleInput(int parallelism) throws Exception {
        List<String> sink = new ArrayList<>();
        Configuration config = new Configuration()
                .set(ExecutionOptions.PARALLELISM, parallelism)
                .set(ExecutionOptions.MINI_BATCH_ENABLED, true)
                .set(ExecutionOptions.MINI_BATCH_ALLOW_LATENCY, Duration.ofMillis(LATENCY_MILLIS))
                .set(ExecutionOptions.MINI_BATCH_SIZE, 1_000_000L);
        long start = System.currentTimeMillis();
        JobExecution job = LocalExecutor.submit(job(sink), config);
        long deadline = start + 10_000;
        while (sorted(sink).size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        long waited = System.currentTimeMillis() - start;
        List<String> results = sorted(sink);
        job.cancel();
        assertTrue(job.await(10, TimeUnit.SECONDS));
        assertNull(job.failure());
        assertEquals(List.of("+I k=0 c=2 s=3", "+I k=1 c=2 s=5", "+I k=2 c=2 s=7"), results);
        assertTrue(waited < 1_000 + LATENCY_MILLIS, "results after " + waited + " ms");
    }

    private static List<String> sorted(List<String> sink) {
        List<String> copy;
        synchronized (sink) {
            copy = new ArrayList<>(sink);
        }
        Collections.sort(copy);
        return copy;
    }

    /** Subtask 0 emits rows (i % 3, i) for i = 0..5 in one batch; then every subtask has nothing, forever. */
    private static final class SilentAfterRowsSource implements ScanTableSource {
        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceReader createReader(ReaderContext context) {
            return new SourceReader() {
                private boolean emitted = context.subtaskIndex() != 0;

                @Override
                public void open() {
                }

                @Override
                public ReadStatus pollNext(Output output) throws Exception {
                    if (emitted) {
                        return ReadStatus.NOTHING_AVAILABLE;
                    }
                    emitted = true;
                    Object[][] rows = new Object[6][];
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = TestBatches.row((long) (i % 3), (long) i);
                    }
                    output.emit(TestBatches.batch(context.allocator(), IN, rows));
                    return ReadStatus.MORE_AVAILABLE;
                }

                @Override
                public byte[] snapshotPosition() {
                    return null;
                }

                @Override
                public void restorePosition(byte[] position) {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "silent after rows";
        }
    }

    /** Appends every row as {@code <kind> k=.. c=.. s=..} to a shared list. */
    private static final class Collecting implements SinkWriter {
        private final List<String> sink;

        Collecting(List<String> sink) {
            this.sink = sink;
        }

        @Override
        public void open() {
        }

        @Override
        public void write(RowBatch batch) {
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < batch.rowCount(); r++) {
                io.sluice.types.Row row = batch.getRow(r);
                rows.add(row.getKind().shortString() + " k=" + row.getField(0) + " c=" + row.getField(1)
                        + " s=" + row.getField(2));
            }
            synchronized (sink) {
                sink.addAll(rows);
            }
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }
}
