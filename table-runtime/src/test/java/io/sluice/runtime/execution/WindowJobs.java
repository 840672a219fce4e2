package io.sluice.runtime.execution;

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
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.window.WindowAggregateOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Test jobs of real operators: a parallel event source (rows already assigned to one-second tumbling
 * windows, a watermark after every row) feeding a window aggregation (hash-partitioned on the key)
 * feeding a sink that collects rows as text.
 */
final class WindowJobs {
    static final RowType EVENTS = TestBatches.rowType("k", LogicalType.bigint(), "ws", LogicalType.timestamp(3),
            "we", LogicalType.timestamp(3), "v", LogicalType.bigint());
    static final RowType COUNTS = TestBatches.rowType("k", LogicalType.bigint(), "ws", LogicalType.timestamp(3),
            "we", LogicalType.timestamp(3), "c", LogicalType.bigint().notNull(), "s", LogicalType.bigint());

    private WindowJobs() {
    }

    /** What one source subtask emits: its row count (-1: endless), the gap between rows, and whether it ends. */
    record Plan(long rowsOfSubtask0, long rowsOfOthers, long millisBetweenRows, boolean bounded, boolean resumable) {
    }

    /** source -> window aggregation (COUNT(*), SUM(v) per key and window) -> sink into {@code sink}. */
    static JobGraph windowCounts(Plan plan, List<String> sink) {
        return windowCounts(plan, sink, "WindowAggregate", null);
    }

    /** The same job with the window operator named {@code windowName} and given {@code windowUid} (null: derived). */
    static JobGraph windowCounts(Plan plan, List<String> sink, String windowName, String windowUid) {
        SourceTransformation source = new SourceTransformation("Source events", new EventSource(plan),
                new int[] {0, 1, 2, 3}, EVENTS);
        List<AggregateSpec> aggs = List.of(
                new AggregateSpec(AggregateKind.COUNT, new int[0], false, -1, LogicalType.bigint().notNull(), "c"),
                new AggregateSpec(AggregateKind.SUM, new int[] {3}, false, -1, LogicalType.bigint(), "s"));
        OperatorTransformation window = new OperatorTransformation(windowName, List.of(source),
                () -> new WindowAggregateOperator(EVENTS, new int[] {0, 1, 2}, aggs, COUNTS, 2), COUNTS);
        window.withInputPartitioning(0, InputPartitioning.hash(new int[] {0}));
        if (windowUid != null) {
            window.setUid(windowUid);
        }
        SinkTransformation out = new SinkTransformation("Sink collect", window, context -> new CollectingWriter(sink));
        return new JobGraph("window-counts", List.of(out));
    }

    /** A source transformation of {@link #EVENTS} rows emitted as {@code plan} says. */
    static SourceTransformation events(String name, Plan plan) {
        return new SourceTransformation(name, new EventSource(plan), new int[] {0, 1, 2, 3}, EVENTS);
    }

    /** How the sink renders a result row: key, window start in seconds, count, sum. */
    static String format(long key, long windowSecond, long count, long sum) {
        return "k=" + key + " w=" + windowSecond + " c=" + count + " s=" + sum;
    }

    static long epochMillisOf(Object timestamp) {
        return ((LocalDateTime) timestamp).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The i-th row of subtask s: key i % 5 + 10 s, value i, event time i * 100 ms. */
    private static final class EventSource implements ScanTableSource {
        private final Plan plan;

        EventSource(Plan plan) {
            this.plan = plan;
        }

        @Override
        public boolean isBounded() {
            return plan.bounded();
        }

        @Override
        public SourceReader createReader(ReaderContext context) {
            return new EventReader(plan, context);
        }

        @Override
        public String describe() {
            return "events";
        }
    }

    private static final class EventReader implements SourceReader {
        private final Plan plan;
        private final ReaderContext context;
        private final long rows;
        private long emitted;
        private long nextEmitAt;

        EventReader(Plan plan, ReaderContext context) {
            this.plan = plan;
            this.context = context;
            this.rows = context.subtaskIndex() == 0 ? plan.rowsOfSubtask0() : plan.rowsOfOthers();
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            if (rows >= 0 && emitted >= rows) {
                return plan.bounded() ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
            }
            long now = System.currentTimeMillis();
            if (now < nextEmitAt) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            nextEmitAt = now + plan.millisBetweenRows();
            long i = emitted;
            long ts = i * 100;
            long windowStart = ts - ts % 1000;
            RowBatch batch = TestBatches.batch(context.allocator(), EVENTS, TestBatches.row(
                    i % 5 + 10L * context.subtaskIndex(), timestamp(windowStart), timestamp(windowStart + 1000), i));
            emitted++;
            output.emit(batch);
            output.emitWatermark(ts);
            return ReadStatus.MORE_AVAILABLE;
        }

        private static LocalDateTime timestamp(long millis) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }

        @Override
        public byte[] snapshotPosition() {
            return plan.resumable() ? ByteBuffer.allocate(8).putLong(emitted).array() : null;
        }

        @Override
        public void restorePosition(byte[] position) {
            emitted = ByteBuffer.wrap(position).getLong();
        }

        @Override
        public void close() {
        }
    }

    /** Appends every row as text to a shared list. */
    static final class CollectingWriter implements SinkWriter {
        private final List<String> sink;

        CollectingWriter(List<String> sink) {
            this.sink = sink;
        }

        @Override
        public void open() {
        }

        @Override
        public void write(RowBatch batch) {
            List<String> rows = new ArrayList<>();
            for (List<Object> row : TestBatches.rowsOf(batch)) {
                rows.add(format((Long) row.get(0), epochMillisOf(row.get(1)) / 1000, (Long) row.get(3), (Long) row.get(4)));
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

    /** A copy of a shared sink list, sorted. */
    static List<String> sorted(List<String> sink) {
        List<String> copy;
        synchronized (sink) {
            copy = new ArrayList<>(sink);
        }
        Collections.sort(copy);
        return copy;
    }
}
