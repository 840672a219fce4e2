package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.common.state.BroadcastState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.BroadcastStream;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import io.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broadcast state pattern: rules broadcast to every instance, applied to a keyed stream. */
class BroadcastStateTest {
    static final MapStateDescriptor<String, Integer> RULES =
            new MapStateDescriptor<>("RulesBroadcastState", Types.STRING, Types.INT);

    /** Emits items larger than their color's rule, and counts the matches per color in keyed state. */
    public static class Matcher
            extends KeyedBroadcastProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
        @Override
        public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out)
                throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
        }

        @Override
        public void processElement(Tuple2<String, Integer> item, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            Integer threshold = ctx.getBroadcastState(RULES).get(item.f0);
            if (threshold != null && item.f1 > threshold) {
                ValueState<Integer> matches = getRuntimeContext().getState(
                        new ValueStateDescriptor<>("matches", Types.INT));
                int n = matches.value() == null ? 1 : matches.value() + 1;
                matches.update(n);
                out.collect(ctx.getCurrentKey() + " " + item.f1 + " > " + threshold + " (#" + n + ")");
            }
        }
    }

    static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void keyedStreamAppliesBroadcastRules(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH); // the broadcast side is read first
        BroadcastStream<Tuple2<String, Integer>> rules = env.fromData(Tuple2.of("red", 10), Tuple2.of("blue", 3))
                .broadcast(RULES);
        DataStream<Tuple2<String, Integer>> items = env.fromData(Tuple2.of("red", 5), Tuple2.of("red", 12),
                Tuple2.of("blue", 4), Tuple2.of("green", 100), Tuple2.of("red", 30), Tuple2.of("blue", 1));
        List<String> out = items.keyBy(i -> i.f0).connect(rules).process(new Matcher()).executeAndCollect(100);
        assertEquals(sorted(List.of("red 12 > 10 (#1)", "blue 4 > 3 (#1)", "red 30 > 10 (#2)")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void nonKeyedStreamReadsBroadcastState(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        BroadcastStream<Tuple2<String, Integer>> rules = env.fromData(Tuple2.of("x", 2)).broadcast(RULES);
        List<Integer> out = env.fromSequence(1, 6).map(Long::intValue).rebalance().connect(rules)
                .process(new BroadcastProcessFunction<Integer, Tuple2<String, Integer>, Integer>() {
                    @Override
                    public void processElement(Integer value, ReadOnlyContext ctx, Collector<Integer> out)
                            throws Exception {
                        out.collect(value * ctx.getBroadcastState(RULES).get("x"));
                    }

                    @Override
                    public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx,
                            Collector<Integer> out) throws Exception {
                        BroadcastState<String, Integer> state = ctx.getBroadcastState(RULES);
                        state.put(rule.f0, rule.f1);
                    }
                }).executeAndCollect(100);
        List<Integer> sortedOut = new ArrayList<>(out);
        sortedOut.sort(null);
        assertEquals(List.of(2, 4, 6, 8, 10, 12), sortedOut);
    }
}
