package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.functions.FlatMapFunction;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records handed from one chain to the next (across {@code keyBy}, {@code rebalance}) may travel as objects instead
 * of bytes; whatever way they take, a function sees each record as it was emitted: never changed afterwards by the
 * function that emitted it (which may emit one object again and again), nor by another function that got the same
 * record.
 */
class RecordHandoverTest {
    /** The objects the functions under test were given, as they were given (not copies). */
    static final List<Object> RECEIVED = Collections.synchronizedList(new ArrayList<>());

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    static List<String> receivedSorted() {
        List<String> out = new ArrayList<>();
        synchronized (RECEIVED) {
            RECEIVED.forEach(v -> out.add(String.valueOf(v)));
        }
        out.sort(null);
        return out;
    }

    /** Emits (t&lt;n&gt;, 10n + i) twice per input, in one tuple object it changes after every emit. */
    public static final class ReusingTuples implements FlatMapFunction<Long, Tuple2<String, Long>> {
        private final Tuple2<String, Long> reused = new Tuple2<>();

        @Override
        public void flatMap(Long value, Collector<Tuple2<String, Long>> out) {
            for (long i = 0; i < 2; i++) {
                reused.f0 = "t" + value;
                reused.f1 = value * 10 + i;
                out.collect(reused);
            }
            reused.f0 = "changed";
            reused.f1 = -1L;
        }
    }

    /** Emits one {@link DataStreamApiTest.Counter} object per input, the same object each time. */
    public static final class ReusingCounters implements FlatMapFunction<Long, DataStreamApiTest.Counter> {
        private transient DataStreamApiTest.Counter reused;

        @Override
        public void flatMap(Long value, Collector<DataStreamApiTest.Counter> out) {
            if (reused == null) {
                reused = new DataStreamApiTest.Counter();
            }
            reused.name = "c" + value;
            reused.count = value;
            out.collect(reused);
            reused.name = "changed";
        }
    }

    /** Keeps every record it is given (the object itself). */
    public static final class Keep<K, T> extends KeyedProcessFunction<K, T, T> {
        @Override
        public void processElement(T value, Context ctx, Collector<T> out) {
            RECEIVED.add(value);
        }
    }

    static final List<String> TUPLES = List.of("(t1,10)", "(t1,11)", "(t2,20)", "(t2,21)", "(t3,30)", "(t3,31)",
            "(t4,40)", "(t4,41)");

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aKeyedFunctionGetsEveryRecordAsEmittedWhenTheEmitterReusesItsObject(int p) throws Exception {
        RECEIVED.clear();
        StreamExecutionEnvironment env = env(p);
        DataStream<Long> numbers = env.fromSequence(1, 4);
        numbers.flatMap(new ReusingTuples()).keyBy(t -> t.f0).process(new Keep<>()).print();
        numbers.flatMap(new ReusingCounters()).keyBy(c -> c.count % 2).process(new Keep<>()).print();
        env.execute();
        List<String> expected = new ArrayList<>(TUPLES);
        expected.addAll(List.of("c1=1", "c2=2", "c3=3", "c4=4"));
        expected.sort(null);
        assertEquals(expected, receivedSorted());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aRebalancedFunctionGetsEveryRecordAsEmitted(int p) throws Exception {
        RECEIVED.clear();
        StreamExecutionEnvironment env = env(p);
        env.fromSequence(1, 4).flatMap(new ReusingTuples()).rebalance()
                .map(new MapFunction<Tuple2<String, Long>, String>() {
                    @Override
                    public String map(Tuple2<String, Long> value) {
                        RECEIVED.add(value);
                        return value.f0;
                    }
                }).print();
        env.execute();
        assertEquals(TUPLES, receivedSorted());
    }

    /** Two consumers of one stream: one changes the records it gets, the other must not see it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aFunctionChangingItsInputDoesNotChangeAnotherConsumersRecord(int p) throws Exception {
        RECEIVED.clear();
        StreamExecutionEnvironment env = env(p);
        DataStream<DataStreamApiTest.Counter> counters = env.fromSequence(1, 4).map(v -> {
            DataStreamApiTest.Counter c = new DataStreamApiTest.Counter();
            c.name = "c" + v;
            c.count = v;
            return c;
        }).returns(DataStreamApiTest.Counter.class);
        counters.keyBy(c -> c.count).map(c -> {
            c.name = "changed";
            return c.count;
        }).returns(Long.class).print();
        counters.keyBy(c -> c.count).process(new Keep<>()).print();
        env.execute();
        assertEquals(List.of("c1=1", "c2=2", "c3=3", "c4=4"), receivedSorted());
    }

    /** A rolling sum keeps the first record of a key as its state: a reused object must not change it. */
    @Test
    void aRollingSumOverReusedTuplesCountsEveryRecord() throws Exception {
        List<Tuple2<String, Long>> out = env(1).fromSequence(1, 4).flatMap(new ReusingTuples())
                .keyBy(t -> "all").sum(1).executeAndCollect(100);
        assertEquals(8, out.size());
        assertEquals(Tuple2.of("t1", 10L + 11 + 20 + 21 + 30 + 31 + 40 + 41), out.get(out.size() - 1));
    }
}
