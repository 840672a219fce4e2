package io.sluice.datastream.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.util.OutputTag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each example job is killed by an injected failure after some checkpoints and restarts from the latest one; its
 * collected result equals that of a run without failure (exactly once), and the source did not start over.
 */
class FailureRecoveryTest {
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();

    @TempDir
    Path checkpoints;

    /**
     * Passes records on slowly (so that checkpoints complete in between, although barriers queue behind up to 16
     * batches per exchange) and fails once at record {@code failAt}.
     */
    public static final class FailOnce<T> implements MapFunction<T, T> {
        private final String id;
        private final int failAt;

        FailOnce(String id, int failAt) {
            this.id = id;
            this.failAt = failAt;
        }

        @Override
        public T map(T value) throws Exception {
            int n = SEEN.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1);
            if (n == failAt && FAILED.putIfAbsent(id, true) == null) {
                throw new IllegalStateException("injected failure at record " + n);
            }
            return value;
        }
    }

    private StreamExecutionEnvironment env(int parallelism, boolean checkpointing) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", checkpoints.toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (checkpointing) {
            env.enableCheckpointing(20);
        }
        return env;
    }

    /** Runs {@code job} once cleanly and once with a failure; returns nothing, asserts equal results. */
    private <T> void check(String name, int parallelism, int records,
            Function<StreamExecutionEnvironment, DataStream<T>> job) throws Exception {
        List<String> clean = run(job.apply(env(parallelism, false)));
        String id = name + "-" + parallelism + "-" + System.nanoTime();
        int failAt = records * 3 / 4;
        StreamExecutionEnvironment env = env(parallelism, true);
        List<String> recovered = run(job.apply(new FailingEnv(env, id, failAt).env));
        assertEquals(Boolean.TRUE, FAILED.get(id), "the failure was injected");
        assertEquals(clean, recovered);
        int seen = SEEN.get(id).get();
        assertTrue(seen < failAt + records, "restored from a checkpoint, not from the start: " + seen
                + " records read for " + records);
    }

    /** The environment a job is built on, with the failing map inserted after every source of the job. */
    private static final class FailingEnv {
        final StreamExecutionEnvironment env;

        FailingEnv(StreamExecutionEnvironment env, String id, int failAt) {
            this.env = env;
            CURRENT.put(env, new FailOnce<>(id, failAt));
        }
    }

    private static final Map<StreamExecutionEnvironment, FailOnce<?>> CURRENT = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> injected(DataStream<T> source) {
        FailOnce<T> f = (FailOnce<T>) CURRENT.get(source.getExecutionEnvironment());
        return f == null ? source : source.map(f).returns(source.getType());
    }

    private static <T> List<String> run(DataStream<T> stream) throws Exception {
        List<String> out = new ArrayList<>();
        stream.executeAndCollect().forEachRemaining(v -> out.add(String.valueOf(v)));
        out.sort(null);
        return out;
    }

    static List<String> lines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(WordCountTest.TEXT[i % WordCountTest.TEXT.length]);
        }
        return lines;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void wordCount(int parallelism) throws Exception {
        check("wordcount", parallelism, 400, env -> injected(env.fromData(lines(400)))
                .flatMap(new WordCountTest.Tokenizer())
                .keyBy(value -> value.f0)
                .sum(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void fraudDetection(int parallelism) throws Exception {
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            transactions.add(new Transaction(i % 9, i * 20_000L, i % 4 == 0 ? 0.5 : (i % 4 == 1 ? 600 : 20)));
        }
        check("fraud", parallelism, 400, env -> injected(env.fromData(transactions))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Transaction>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.getTimestamp()))
                .keyBy(Transaction::getAccountId)
                .process(new EventTimeFraudDetector()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void enrichment(int parallelism) throws Exception {
        check("enrichment", parallelism, 400, env -> injected(env.fromData(ConnectTest.rides(400)))
                .connect(env.fromData(ConnectTest.fares(400)))
                .keyBy(ride -> ride.f0, fare -> fare.f0)
                .process(new ConnectTest.EnrichmentFunction()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void windowWithLateData(int parallelism) throws Exception {
        List<Tuple2<String, Long>> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long ts = i * 1_000L - (i % 10 == 9 ? 25_000 : 0); // every tenth record is late
            events.add(Tuple2.of("k" + (i % 3), ts));
        }
        check("window", parallelism, 400, env -> {
            OutputTag<Tuple2<String, Long>> late = new OutputTag<Tuple2<String, Long>>("late") { };
            SingleOutputStreamOperator<String> windows = injected(env.fromData(events))
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                            ctx -> new LateDataWindowTest.PunctuatedAssigner()).withTimestampAssigner((e, ts) -> e.f1))
                    .keyBy(e -> e.f0)
                    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                    .allowedLateness(Duration.ofSeconds(5))
                    .sideOutputLateData(late)
                    .process(new LateDataWindowTest.CountWindowFunction());
            return windows.union(windows.getSideOutput(late).map(e -> "late " + e));
        });
    }
}
