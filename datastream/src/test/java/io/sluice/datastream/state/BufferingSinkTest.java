package io.sluice.datastream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.state.BroadcastState;
import io.sluice.api.common.state.CheckpointListener;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.TypeHint;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.runtime.state.FunctionInitializationContext;
import io.sluice.runtime.state.FunctionSnapshotContext;
import io.sluice.streaming.api.checkpoint.CheckpointedFunction;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.sink.legacy.RichSinkFunction;
import io.sluice.streaming.api.functions.sink.legacy.SinkFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink's {@code BufferingSink} ("Working with State"): a legacy {@code SinkFunction} that is a {@code
 * CheckpointedFunction}, run by {@code addSink}, keeps its buffer across failures and, restored from a savepoint at
 * another parallelism, gets the buffers split evenly over the new instances; a sink that publishes on {@code
 * CheckpointListener.notifyCheckpointComplete} writes every record once; broadcast state of the operator state store.
 */
@SuppressWarnings("deprecation")
class BufferingSinkTest {
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    /** Per test: what the sinks sent out. */
    private static final Map<String, List<Long>> SENT = new ConcurrentHashMap<>();
    /** Per test: how many records the sinks received. */
    private static final Map<String, AtomicLong> RECEIVED = new ConcurrentHashMap<>();
    /** Per test: the size of the buffer each instance restored. */
    private static final Map<String, List<Integer>> RESTORED = new ConcurrentHashMap<>();
    /** Per test: what was published, by (subtask, checkpoint id): a publication repeated after a restore is ignored. */
    private static final Map<String, Map<String, List<Long>>> PUBLISHED = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** Flink's BufferingSink, sending a full buffer (and, at the end of the input, the rest) to {@link #SENT}. */
    public static class BufferingSink implements SinkFunction<Long>, CheckpointedFunction {
        private final String test;
        private final int threshold;
        private transient ListState<Long> checkpointedState;
        private final List<Long> bufferedElements = new ArrayList<>();

        public BufferingSink(String test, int threshold) {
            this.test = test;
            this.threshold = threshold;
        }

        @Override
        public void invoke(Long value, Context context) {
            bufferedElements.add(value);
            RECEIVED.get(test).incrementAndGet();
            if (bufferedElements.size() >= threshold) {
                send();
            }
        }

        private void send() {
            SENT.get(test).addAll(bufferedElements);
            bufferedElements.clear();
        }

        @Override
        public void finish() {
            send();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            checkpointedState.update(bufferedElements);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            ListStateDescriptor<Long> descriptor = new ListStateDescriptor<>("buffered-elements",
                    TypeInformation.of(new TypeHint<Long>() {}));
            checkpointedState = context.getOperatorStateStore().getListState(descriptor);
            if (context.isRestored()) {
                for (Long element : checkpointedState.get()) {
                    bufferedElements.add(element);
                }
                RESTORED.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(bufferedElements.size());
            }
        }
    }

    /**
     * Publishes the records of each checkpoint when it completes (Flink's two-phase pattern): the records since the
     * last checkpoint wait in operator state under its id; publishing is idempotent per (subtask, checkpoint).
     */
    public static class PublishOnCheckpointSink extends RichSinkFunction<Long>
            implements CheckpointedFunction, CheckpointListener {
        private final String test;
        private transient ListState<Tuple2<Long, Long>> pendingState;
        private final List<Long> current = new ArrayList<>();
        /** (checkpoint id, record) pairs not published yet. */
        private final List<Tuple2<Long, Long>> pending = new ArrayList<>();

        public PublishOnCheckpointSink(String test) {
            this.test = test;
        }

        @Override
        public void invoke(Long value, Context context) {
            current.add(value);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            for (Long v : current) {
                pending.add(Tuple2.of(context.getCheckpointId(), v));
            }
            current.clear();
            pendingState.update(pending);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            publish(checkpointId);
        }

        private void publish(long upTo) {
            Map<String, List<Long>> byCheckpoint = new java.util.TreeMap<>();
            List<Tuple2<Long, Long>> rest = new ArrayList<>();
            for (Tuple2<Long, Long> p : pending) {
                if (p.f0 <= upTo) {
                    byCheckpoint.computeIfAbsent(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/" + p.f0,
                            k -> new ArrayList<>()).add(p.f1);
                } else {
                    rest.add(p);
                }
            }
            byCheckpoint.forEach(PUBLISHED.get(test)::putIfAbsent);
            pending.clear();
            pending.addAll(rest);
        }

        @Override
        public void finish() {
            publish(Long.MAX_VALUE);
            PUBLISHED.get(test).put(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/end",
                    new ArrayList<>(current));
            current.clear();
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            pendingState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("pending",
                    TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {})));
            for (Tuple2<Long, Long> p : pendingState.get()) {
                pending.add(p);
            }
            if (context.isRestored()) {
                // what the restored checkpoint holds was prepared before it completed: publish it (again)
                publish(context.getRestoredCheckpointId().orElse(Long.MAX_VALUE));
            }
        }
    }

    /** Counts the records of its instance in a broadcast state map of its operator state. */
    public static class BroadcastCounting extends RichMapFunction<Long, Long> implements CheckpointedFunction {
        private transient BroadcastState<String, Long> counts;

        @Override
        public Long map(Long value) throws Exception {
            Long n = counts.get("n");
            long next = n == null ? 1 : n + 1;
            counts.put("n", next);
            return next;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            counts = context.getOperatorStateStore().getBroadcastState(
                    new MapStateDescriptor<>("counts", Types.STRING, Types.LONG));
        }
    }

    /** Slows records down so that checkpoints fall in between; fails once at the 150th record of an instance. */
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

    private static void start(String test) {
        SENT.put(test, new CopyOnWriteArrayList<>());
        RECEIVED.put(test, new AtomicLong());
        RESTORED.remove(test);
        PUBLISHED.put(test, new ConcurrentHashMap<>());
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().toList();
    }

    @Test
    @Timeout(60)
    void sendsFullBuffers() throws Exception {
        start("plain");
        StreamExecutionEnvironment env = env(1, null);
        env.fromData(1L, 2L, 3L, 4L, 5L, 6L, 7L).addSink(new BufferingSink("plain", 3)).name("buffering");
        env.execute();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), SENT.get("plain"));
    }

    /** The buffer holds every record until the end: after the failure it must come back from the checkpoint. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    @Timeout(120)
    void bufferRestoredAfterFailure(int parallelism) throws Exception {
        String test = "failure-" + parallelism;
        start(test);
        FAILED.set(false);
        StreamExecutionEnvironment env = env(parallelism, null);
        env.enableCheckpointing(20);
        env.fromSequence(0, 399).map(new FailOnce()).addSink(new BufferingSink(test, Integer.MAX_VALUE));
        env.execute();
        assertTrue(FAILED.get(), "the failure was injected");
        assertEquals(parallelism, RESTORED.get(test).size(), "every instance restored its buffer");
        assertTrue(RESTORED.get(test).stream().mapToInt(Integer::intValue).sum() > 0, "buffers were checkpointed");
        assertEquals(range(400), sorted(SENT.get(test)), "every record sent once");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 3", "3, 1"})
    @Timeout(120)
    void buffersRedistributedOnRescale(int from, int to) throws Exception {
        long records = 2000;
        String test = "rescale-" + from + "-" + to;
        start(test);
        StreamExecutionEnvironment first = env(from, null);
        first.enableCheckpointing(60_000);
        first.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(2000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .addSink(new BufferingSink(test, Integer.MAX_VALUE)).uid("buffering-sink");
        JobClient client = first.executeAsync("before");
        while (RECEIVED.get(test).get() < 300) {
            Thread.sleep(10);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        long buffered = RECEIVED.get(test).get() - SENT.get(test).size();
        assertTrue(buffered >= 300, "the stopped job kept its buffers: " + buffered);

        StreamExecutionEnvironment second = env(to, savepoint);
        second.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(2000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .addSink(new BufferingSink(test, Integer.MAX_VALUE)).uid("buffering-sink");
        second.execute("after");

        List<Integer> restored = RESTORED.get(test);
        assertEquals(to, restored.size(), "every new instance restored");
        assertEquals(buffered, restored.stream().mapToInt(Integer::intValue).sum());
        int min = restored.stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = restored.stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min <= 1, "split evenly: " + restored);
        assertEquals(range(records), sorted(SENT.get(test)), "every record sent once");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    @Timeout(120)
    void publishesOnCompletedCheckpointsExactlyOnce(int parallelism) throws Exception {
        String test = "publish-" + parallelism;
        start(test);
        FAILED.set(false);
        StreamExecutionEnvironment env = env(parallelism, null);
        env.enableCheckpointing(20);
        env.fromSequence(0, 399).map(new FailOnce()).addSink(new PublishOnCheckpointSink(test));
        env.execute();
        assertTrue(FAILED.get(), "the failure was injected");
        Map<String, List<Long>> published = PUBLISHED.get(test);
        assertTrue(published.keySet().stream().anyMatch(k -> !k.endsWith("/end")),
                "records were published on completed checkpoints: " + published.keySet());
        List<Long> all = new ArrayList<>();
        published.values().forEach(all::addAll);
        assertEquals(range(400), sorted(all), "every record published once (by key: " + published.keySet() + ")");
    }

    /** Broadcast state of the operator state store survives the failure: counts go on without gaps or repeats. */
    @Test
    @Timeout(120)
    void broadcastStateOfTheOperatorStateStoreIsRestored() throws Exception {
        FAILED.set(false);
        StreamExecutionEnvironment env = env(1, null);
        env.enableCheckpointing(20);
        List<Long> counts = new ArrayList<>();
        env.fromSequence(0, 399).map(new FailOnce()).map(new BroadcastCounting()).executeAndCollect()
                .forEachRemaining(counts::add);
        assertTrue(FAILED.get(), "the failure was injected");
        assertEquals(LongStream.rangeClosed(1, 400).boxed().toList(), sorted(counts));
    }

    /** Keyed state in a rich sink function after keyBy: one running count per key. */
    @Test
    @Timeout(60)
    void keyedStateInASinkFunction() throws Exception {
        start("keyed");
        StreamExecutionEnvironment env = env(2, null);
        env.fromSequence(0, 99).keyBy(v -> v % 3).addSink(new RichSinkFunction<Long>() {
            private transient ValueState<Long> count;

            @Override
            public void open(io.sluice.api.common.functions.OpenContext openContext) {
                count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            }

            @Override
            public void invoke(Long value, Context context) throws Exception {
                long n = count.value() == null ? 1 : count.value() + 1;
                count.update(n);
                if (n == (value % 3 == 0 ? 34 : 33)) {
                    SENT.get("keyed").add(value % 3);
                }
            }
        });
        env.execute();
        assertEquals(List.of(0L, 1L, 2L), sorted(SENT.get("keyed")));
    }
}
