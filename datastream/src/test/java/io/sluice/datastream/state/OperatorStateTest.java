package io.sluice.datastream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.configuration.Configuration;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.runtime.state.FunctionInitializationContext;
import io.sluice.runtime.state.FunctionSnapshotContext;
import io.sluice.streaming.api.checkpoint.CheckpointedFunction;
import io.sluice.streaming.api.checkpoint.ListCheckpointed;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operator state of user functions ({@code CheckpointedFunction}, {@code ListCheckpointed}): restored after a
 * failure from the latest checkpoint, and redistributed when a savepoint is restored at another parallelism (list
 * state split evenly, union list state given to every instance).
 */
class OperatorStateTest {
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final Map<String, List<Tuple3<Integer, Long, Long>>> RESULTS = new ConcurrentHashMap<>();
    /** Per test: the sum of the union list each instance restored. */
    private static final Map<String, List<Long>> UNION_RESTORED = new ConcurrentHashMap<>();
    /** Per test: the sum of the split list each instance restored. */
    private static final Map<String, List<Long>> SPLIT_RESTORED = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** Counts the records of its instance in operator state; emits (subtask, record, count so far). */
    public static final class CountingMap extends RichMapFunction<Long, Tuple3<Integer, Long, Long>>
            implements CheckpointedFunction {
        private final String test;
        private transient ListState<Long> counts;
        private transient ListState<Long> union;
        private long count;

        CountingMap(String test) {
            this.test = test;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            counts = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Types.LONG));
            union = context.getOperatorStateStore().getUnionListState(
                    new ListStateDescriptor<>("all-counts", Types.LONG));
            count = 0;
            for (Long c : counts.get()) {
                count += c;
            }
            if (context.isRestored()) {
                long unionSum = 0;
                for (Long c : union.get()) {
                    unionSum += c;
                }
                UNION_RESTORED.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(unionSum);
                SPLIT_RESTORED.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(count);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            counts.update(List.of(count));
            union.update(List.of(count));
        }

        @Override
        public Tuple3<Integer, Long, Long> map(Long value) {
            return Tuple3.of(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value, ++count);
        }
    }

    /** The same with the older interface: the count is the one element of its list. */
    public static final class ListCountingMap extends RichMapFunction<Long, Tuple3<Integer, Long, Long>>
            implements ListCheckpointed<Long> {
        private long count;

        @Override
        public List<Long> snapshotState(long checkpointId, long timestamp) {
            return List.of(count);
        }

        @Override
        public void restoreState(List<Long> state) {
            count = 0;
            for (Long c : state) {
                count += c;
            }
        }

        @Override
        public Tuple3<Integer, Long, Long> map(Long value) {
            return Tuple3.of(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value, ++count);
        }
    }

    /** Slows records down so that checkpoints fall in between; fails once at the 300th record of an instance. */
    public static final class FailOnce implements MapFunction<Long, Long> {
        private int seen;

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            if (++seen == 150 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }
    }

    /** Remembers every record in a static list named by the sink. */
    static final class ListSink implements Sink<Tuple3<Integer, Long, Long>> {
        private final String name;

        ListSink(String name) {
            this.name = name;
            RESULTS.put(name, new CopyOnWriteArrayList<>());
        }

        @Override
        public SinkWriter<Tuple3<Integer, Long, Long>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Tuple3<Integer, Long, Long> element, Context ctx) {
                    RESULTS.get(name).add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private StreamExecutionEnvironment env(int parallelism, String savepoint) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    /** Each instance's counts are 1..n without gaps or repeats: its count was restored after the failure. */
    private static void assertCountsContinue(List<Tuple3<Integer, Long, Long>> out, long records) {
        assertEquals(records, out.size());
        Map<Integer, List<Long>> counts = new HashMap<>();
        for (Tuple3<Integer, Long, Long> t : out) {
            counts.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f2);
        }
        for (Map.Entry<Integer, List<Long>> e : counts.entrySet()) {
            List<Long> c = e.getValue();
            c.sort(null);
            for (int i = 0; i < c.size(); i++) {
                assertEquals(i + 1, c.get(i), "count " + (i + 1) + " of instance " + e.getKey());
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}, ListCheckpointed {1}")
    @CsvSource({"1, false", "2, false", "1, true"})
    @Timeout(120)
    void restoredAfterFailure(int parallelism, boolean listCheckpointed) throws Exception {
        FAILED.set(false);
        StreamExecutionEnvironment env = env(parallelism, null);
        env.enableCheckpointing(20);
        DataStream<Long> numbers = env.fromSequence(0, 399).map(new FailOnce());
        List<Tuple3<Integer, Long, Long>> out = new ArrayList<>();
        (listCheckpointed ? numbers.map(new ListCountingMap()) : numbers.map(new CountingMap("failure")))
                .executeAndCollect().forEachRemaining(out::add);
        assertTrue(FAILED.get(), "the failure was injected");
        assertCountsContinue(out, 400);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 3", "3, 1"})
    @Timeout(120)
    void redistributedOnRescale(int from, int to) throws Exception {
        long records = 3000;
        String test = "rescale-" + from + "-" + to;
        StreamExecutionEnvironment first = env(from, null);
        first.enableCheckpointing(60_000);
        first.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(2000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new CountingMap(test)).sinkTo(new ListSink(test + "-before"));
        JobClient client = first.executeAsync("before");
        while (RESULTS.get(test + "-before").size() < 300) {
            Thread.sleep(10);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        long seen = RESULTS.get(test + "-before").size();

        StreamExecutionEnvironment second = env(to, savepoint);
        second.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(2000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .map(new CountingMap(test)).sinkTo(new ListSink(test + "-after"));
        second.execute("after");

        assertEquals(records, seen + RESULTS.get(test + "-after").size());
        assertEquals(to, UNION_RESTORED.get(test).size(), "every new instance restored");
        for (long unionSum : UNION_RESTORED.get(test)) {
            assertEquals(seen, unionSum, "the union list holds every earlier instance's count");
        }
        long splitSum = 0;
        for (long s : SPLIT_RESTORED.get(test)) {
            splitSum += s;
        }
        assertEquals(seen, splitSum, "the split list's counts went to the new instances, each once");
    }
}
