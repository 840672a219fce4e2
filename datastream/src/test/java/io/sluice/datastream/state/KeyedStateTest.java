package io.sluice.datastream.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichFlatMapFunction;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.state.AggregatingState;
import io.sluice.api.common.state.AggregatingStateDescriptor;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ReducingState;
import io.sluice.api.common.state.ReducingStateDescriptor;
import io.sluice.api.common.state.StateTtlConfig;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.TypeHint;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyed state of rich functions: Flink's "Working with State" example and every state kind. */
class KeyedStateTest {

    /** Flink's CountWindowAverage example (import change only). */
    public static class CountWindowAverage extends RichFlatMapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private transient ValueState<Tuple2<Long, Long>> sum;

        @Override
        public void flatMap(Tuple2<Long, Long> input, Collector<Tuple2<Long, Long>> out) throws Exception {
            Tuple2<Long, Long> currentSum = sum.value();
            if (currentSum == null) {
                currentSum = Tuple2.of(0L, 0L);
            }
            currentSum.f0 += 1;
            currentSum.f1 += input.f1;
            sum.update(currentSum);
            if (currentSum.f0 >= 2) {
                out.collect(new Tuple2<>(input.f0, currentSum.f1 / currentSum.f0));
                sum.clear();
            }
        }

        @Override
        public void open(OpenContext ctx) {
            ValueStateDescriptor<Tuple2<Long, Long>> descriptor = new ValueStateDescriptor<>("average",
                    TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() { }));
            sum = getRuntimeContext().getState(descriptor);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void countWindowAverageFromFlinksStateDocumentation(String backend) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfiguration().setString("state.backend.type", backend);
        List<Tuple2<Long, Long>> out = env.fromData(Tuple2.of(1L, 3L), Tuple2.of(1L, 5L), Tuple2.of(1L, 7L),
                        Tuple2.of(1L, 4L), Tuple2.of(1L, 2L))
                .keyBy(value -> value.f0)
                .flatMap(new CountWindowAverage())
                .executeAndCollect(10);
        assertEquals(List.of(Tuple2.of(1L, 4L), Tuple2.of(1L, 5L)), out);
    }

    /** Exercises list, map, reducing and aggregating state per key. */
    public static class AllStates extends RichMapFunction<Tuple2<String, Integer>, String> {
        private transient ListState<Integer> list;
        private transient MapState<Integer, Integer> histogram;
        private transient ReducingState<Integer> max;
        private transient AggregatingState<Integer, String> joined;

        @Override
        public void open(OpenContext ctx) {
            list = getRuntimeContext().getListState(new ListStateDescriptor<>("list", Types.INT));
            histogram = getRuntimeContext().getMapState(new MapStateDescriptor<>("histogram", Types.INT, Types.INT));
            max = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("max", Math::max, Types.INT));
            joined = getRuntimeContext().getAggregatingState(new AggregatingStateDescriptor<>("joined",
                    new AggregateFunction<Integer, StringBuilder, String>() {
                        @Override
                        public StringBuilder createAccumulator() {
                            return new StringBuilder();
                        }

                        @Override
                        public StringBuilder add(Integer value, StringBuilder acc) {
                            return acc.append(value);
                        }

                        @Override
                        public String getResult(StringBuilder acc) {
                            return acc.toString();
                        }

                        @Override
                        public StringBuilder merge(StringBuilder a, StringBuilder b) {
                            return a.append(b);
                        }
                    }, StringBuilder.class));
        }

        @Override
        public String map(Tuple2<String, Integer> v) throws Exception {
            list.add(v.f1);
            Integer n = histogram.get(v.f1);
            histogram.put(v.f1, n == null ? 1 : n + 1);
            max.add(v.f1);
            joined.add(v.f1);
            List<Integer> values = new ArrayList<>();
            list.get().forEach(values::add);
            return v.f0 + " list=" + values + " count(" + v.f1 + ")=" + histogram.get(v.f1) + " max=" + max.get()
                    + " joined=" + joined.get();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyStateKindIsScopedToTheKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        List<String> out = new ArrayList<>(env.fromData(Tuple2.of("a", 3), Tuple2.of("b", 1), Tuple2.of("a", 5),
                        Tuple2.of("a", 3))
                .keyBy(v -> v.f0)
                .map(new AllStates())
                .executeAndCollect(10));
        out.sort(null);
        assertEquals(List.of("a list=[3, 5, 3] count(3)=2 max=5 joined=353", "a list=[3, 5] count(5)=1 max=5 joined=35",
                "a list=[3] count(3)=1 max=3 joined=3", "b list=[1] count(1)=1 max=1 joined=1"), out);
    }

    /** Reads and writes a value with a time-to-live of 50 ms, pausing 80 ms before key "late". */
    public static class Expiring extends RichMapFunction<String, String> {
        private transient ValueState<String> last;

        @Override
        public void open(OpenContext ctx) {
            ValueStateDescriptor<String> d = new ValueStateDescriptor<>("last", Types.STRING);
            d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(50)).build());
            last = getRuntimeContext().getState(d);
        }

        @Override
        public String map(String v) throws Exception {
            if (v.startsWith("late")) {
                Thread.sleep(80);
            }
            String before = last.value();
            last.update(v);
            return v + " saw " + before;
        }
    }

    @Test
    void stateExpiresAfterItsTimeToLive() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = env.fromData("k1", "k2", "late")
                .keyBy(v -> "same")
                .map(new Expiring())
                .executeAndCollect(10);
        assertEquals("k1 saw null", out.get(0));
        assertEquals("k2 saw k1", out.get(1));
        assertEquals("late saw null", out.get(2));
    }

    @Test
    void keyedStateOutsideAKeyedStreamFails() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> env.fromData("a").map(new Expiring()).executeAndCollect(10));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("can only be used on a keyed stream"), root.getMessage());
    }
}
