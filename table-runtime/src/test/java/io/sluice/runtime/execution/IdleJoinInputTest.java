package io.sluice.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.window.WindowJoinOperator;
import io.sluice.runtime.types.RowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One watermark contract for one- and two-input operators: the executor hands a two-input operator the
 * combined watermark of its inputs, with idle inputs left out, so a join whose one side falls silent
 * (without ending) still advances on the other side once that side is idle. A window join: the left side
 * emits rows and watermarks endlessly, the right side emits the rows of the first two one-second windows
 * and then nothing, forever; the second window can only fire when the right side counts as idle.
 */
class IdleJoinInputTest {
    /** Left: endless, a row (and watermark) every 5 ms on every subtask. */
    private static final WindowJobs.Plan ENDLESS = new WindowJobs.Plan(-1, -1, 5, false, true);
    /** Right: the first 20 rows (event times 0 .. 1.9 s, windows 0 and 1) on every subtask, then silence. */
    private static final WindowJobs.Plan FALLS_SILENT = new WindowJobs.Plan(20, 20, 0, false, true);

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    @Timeout(60)
    void aSilentJoinSideNoLongerHoldsBackWindowsOnceIdle(int parallelism) throws Exception {
        List<List<Object>> sink = new ArrayList<>();
        JobExecution job = LocalExecutor.submit(windowJoin(sink), new Configuration()
                .set(ExecutionOptions.PARALLELISM, parallelism)
                .set(ExecutionOptions.SOURCE_IDLE_TIMEOUT, Duration.ofMillis(200)));
        // per subtask, each window pairs 2 left with 2 right rows for each of 5 keys: 20 rows
        int expected = 2 * 20 * parallelism;
        long deadline = System.currentTimeMillis() + 30_000;
        while (rowsInWindows(sink, 0, 1) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        job.cancel();
        assertTrue(job.await(10, TimeUnit.SECONDS));
        assertNull(job.failure());
        assertEquals(expected, rowsInWindows(sink, 0, 1));
    }

    /** Rows of the join result whose window start (left column 1) is in seconds {@code from..to}. */
    private static int rowsInWindows(List<List<Object>> sink, long from, long to) {
        int n = 0;
        synchronized (sink) {
            for (List<Object> row : sink) {
                long second = WindowJobs.epochMillisOf(row.get(1)) / 1000;
                if (second >= from && second <= to) {
                    n++;
                }
            }
        }
        return n;
    }

    /** left events JOIN right events ON key and window (both carry window_end in column 2) -> collecting sink. */
    private static JobGraph windowJoin(List<List<Object>> sink) {
        SourceTransformation left = WindowJobs.events("Source left", ENDLESS);
        SourceTransformation right = WindowJobs.events("Source right", FALLS_SILENT);
        List<Object> names = new ArrayList<>();
        for (String side : new String[] {"l_", "r_"}) {
            for (int c = 0; c < WindowJobs.EVENTS.size(); c++) {
                names.add(side + WindowJobs.EVENTS.names().get(c));
                names.add(WindowJobs.EVENTS.types().get(c));
            }
        }
        RowType joined = TestBatches.rowType(names.toArray());
        OperatorTransformation join = new OperatorTransformation("WindowJoin", List.of(left, right),
                () -> new WindowJoinOperator(JoinType.INNER, WindowJobs.EVENTS, WindowJobs.EVENTS, new int[] {0},
                        new int[] {0}, new boolean[] {false}, 2, 2, null, joined), joined);
        join.withInputPartitioning(0, InputPartitioning.hash(new int[] {0}));
        join.withInputPartitioning(1, InputPartitioning.hash(new int[] {0}));
        SinkTransformation out = new SinkTransformation("Sink collect", join, context -> new SinkWriter() {
            @Override
            public void open() {
            }

            @Override
            public void write(RowBatch batch) {
                List<List<Object>> rows = TestBatches.rowsOf(batch);
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
        });
        return new JobGraph("idle-window-join", List.of(out));
    }
}
