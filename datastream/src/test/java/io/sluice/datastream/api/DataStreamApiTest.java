package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.core.execution.JobClient;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.datastream.SingleOutputStreamOperator;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.types.Row;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DataStream API's transformations, sinks and error messages. */
class DataStreamApiTest {

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    static <T> List<String> sorted(List<T> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        out.sort(null);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void sideOutputsOfAProcessFunction(int p) throws Exception {
        OutputTag<String> odd = new OutputTag<String>("odd") { };
        SingleOutputStreamOperator<Long> even = env(p).fromSequence(1, 10)
                .process(new ProcessFunction<Long, Long>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        if (value % 2 == 0) {
                            out.collect(value);
                        } else {
                            ctx.output(odd, "odd-" + value);
                        }
                    }
                });
        DataStream<String> all = even.map(v -> "even-" + v).union(even.getSideOutput(odd));
        assertEquals(sorted(List.of("even-2", "even-4", "even-6", "even-8", "even-10", "odd-1", "odd-3", "odd-5",
                "odd-7", "odd-9")), sorted(all.executeAndCollect(100)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void unionRebalanceFilterAndFlatMap(int p) throws Exception {
        StreamExecutionEnvironment env = env(p);
        DataStream<Long> a = env.fromSequence(1, 5);
        DataStream<Long> b = env.fromData(100L, 200L);
        List<Long> out = a.union(b).rebalance().filter(x -> x != 3).flatMap((Long x, Collector<Long> c) -> {
            c.collect(x);
            c.collect(-x);
        }).returns(Long.class).executeAndCollect(100);
        assertEquals(sorted(List.of(1L, -1L, 2L, -2L, 4L, -4L, 5L, -5L, 100L, -100L, 200L, -200L)), sorted(out));
    }

    /** A POJO with public fields, for field-name aggregations. */
    public static class Score {
        public String player;
        public int points;
        public String round;

        public Score() {
        }

        Score(String player, int points, String round) {
            this.player = player;
            this.points = points;
            this.round = round;
        }

        @Override
        public String toString() {
            return player + ":" + points + "@" + round;
        }
    }

    @Test
    void rollingAggregationsOnTuplesAndPojos() throws Exception {
        StreamExecutionEnvironment env = env(1);
        List<Tuple3<String, Integer, String>> data = List.of(Tuple3.of("a", 5, "r1"), Tuple3.of("a", 3, "r2"),
                Tuple3.of("a", 9, "r3"));
        assertEquals("[(a,5,r1), (a,3,r1), (a,3,r1)]",
                env.fromData(data).keyBy(t -> t.f0).min(1).executeAndCollect(10).toString());
        assertEquals("[(a,5,r1), (a,3,r2), (a,3,r2)]",
                env.fromData(data).keyBy(t -> t.f0).minBy(1).executeAndCollect(10).toString());
        assertEquals("[(a,5,r1), (a,5,r1), (a,9,r3)]",
                env.fromData(data).keyBy(t -> t.f0).maxBy(1).executeAndCollect(10).toString());
        assertEquals("[a:5@r1, a:8@r1, a:17@r1]", env.fromData(new Score("a", 5, "r1"), new Score("a", 3, "r2"),
                new Score("a", 9, "r3")).keyBy(s -> s.player).sum("points").executeAndCollect(10).toString());
    }

    /** What {@link KeepingSink} was given, by the time the job ends. */
    static final List<Object> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A sink that keeps the objects it is given. */
    static final class KeepingSink<T> implements io.sluice.api.connector.sink2.Sink<T> {
        @Override
        public io.sluice.api.connector.sink2.SinkWriter<T> createWriter(
                io.sluice.api.connector.sink2.WriterInitContext context) {
            return new io.sluice.api.connector.sink2.SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    KEPT.add(element);
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

    /** A mutable record that is not a tuple. */
    public static final class Counter {
        public String name;
        public long count;

        @Override
        public String toString() {
            return name + "=" + count;
        }
    }

    /**
     * A sink runs in the chain of the operator before it, and gets each record as a copy: a function that emits one
     * object again and again (a tuple, a POJO) does not change what the sink was given before.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aChainedSinkGetsCopiesOfReusedRecords(int p) throws Exception {
        KEPT.clear();
        StreamExecutionEnvironment env = env(p);
        DataStream<Long> numbers = env.fromSequence(1, 4);
        numbers.flatMap(new io.sluice.api.common.functions.FlatMapFunction<Long, Tuple2<String, Long>>() {
            private final Tuple2<String, Long> reused = new Tuple2<>();

            @Override
            public void flatMap(Long value, Collector<Tuple2<String, Long>> out) {
                for (long i = 0; i < 2; i++) {
                    reused.f0 = "t" + value;
                    reused.f1 = value * 10 + i;
                    out.collect(reused);
                }
            }
        }).sinkTo(new KeepingSink<>());
        numbers.keyBy(v -> v % 2).flatMap(new io.sluice.api.common.functions.FlatMapFunction<Long, Counter>() {
            private transient Counter reused;

            @Override
            public void flatMap(Long value, Collector<Counter> out) {
                if (reused == null) {
                    reused = new Counter();
                }
                reused.name = "c" + value;
                reused.count = value;
                out.collect(reused);
            }
        }).sinkTo(new KeepingSink<>());
        env.execute();
        assertEquals(List.of("(t1,10)", "(t1,11)", "(t2,20)", "(t2,21)", "(t3,30)", "(t3,31)", "(t4,40)", "(t4,41)",
                "c1=1", "c2=2", "c3=3", "c4=4"), sorted(KEPT));
    }

    @Test
    void rowsAndReduce() throws Exception {
        List<Row> out = env(1).fromData(Row.of("x", 1L), Row.of("y", 2L), Row.of("x", 3L))
                .keyBy(r -> (String) r.getField(0))
                .reduce((r1, r2) -> Row.of(r1.getField(0), (Long) r1.getField(1) + (Long) r2.getField(1)))
                .executeAndCollect(10);
        assertEquals(List.of(Row.of("x", 1L), Row.of("y", 2L), Row.of("x", 4L)), out);
    }

    @Test
    void printWritesFlinksFormat() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamExecutionEnvironment env = env(2);
            env.fromData("x", "y").print("one");
            env.fromData(1, 2).keyBy(v -> v).map(v -> v * 10).print();
            JobExecutionResult result = env.execute("print");
            assertTrue(result.getNetRuntime() >= 0);
        } finally {
            System.setOut(original);
        }
        List<String> lines = new ArrayList<>(List.of(captured.toString(StandardCharsets.UTF_8).split("\n")));
        lines.sort(null);
        // the collection source's chain runs once; the keyed map runs in two instances
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("one> x", lines.get(2));
        assertEquals("one> y", lines.get(3));
        assertTrue(lines.get(0).matches("[12]> 10"), lines.toString());
        assertTrue(lines.get(1).matches("[12]> 20"), lines.toString());
    }

    @Test
    void processingTimeTimersFireWhileTheJobRuns() throws Exception {
        StreamExecutionEnvironment env = env(1);
        env.getConfiguration().setString("table.exec.batch-size", "10"); // processing time is served between batches
        List<String> out = env.fromSequence(1, 200)
                .map(x -> {
                    Thread.sleep(1); // the job runs at least 200 ms: timers set 20 ms ahead fire in between
                    return x;
                }).returns(Long.class)
                .keyBy(x -> x % 2)
                .process(new KeyedProcessFunction<Long, Long, String>() {
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) {
                        if (value <= 2) {
                            ctx.timerService().registerProcessingTimeTimer(
                                    ctx.timerService().currentProcessingTime() + 20);
                        }
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect("timer of key " + ctx.getCurrentKey() + " in " + ctx.timeDomain()
                                + " timestamp " + ctx.timestamp());
                    }
                }).executeAndCollect(10);
        assertEquals(sorted(List.of("timer of key 0 in PROCESSING_TIME timestamp null",
                "timer of key 1 in PROCESSING_TIME timestamp null")), sorted(out));
    }

    @Test
    void executeAsyncReturnsAJobClient() throws Exception {
        StreamExecutionEnvironment env = env(1);
        env.fromSequence(1, 3).print();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            JobClient client = env.executeAsync("async");
            JobExecutionResult r = client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(client.getJobID(), r.getJobID());
            assertEquals("FINISHED", client.getJobStatus().get().name());
        } finally {
            System.setOut(original);
        }
    }

    /** Not serializable; a function holding it cannot be copied to the parallel instances. */
    static final class Connection {
    }

    @Test
    void errorsNameWhatIsWrong() {
        StreamExecutionEnvironment env = env(1);
        Connection connection = new Connection();
        env.fromData(1).map(new MapFunction<Integer, Integer>() {
            private final Connection c = connection;

            @Override
            public Integer map(Integer value) {
                return value;
            }
        }).print();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, env::execute);
        assertTrue(e.getMessage().contains(Connection.class.getName()), e.getMessage());

        assertThrows(IllegalStateException.class, env::execute, "a job without sinks");
    }
}
