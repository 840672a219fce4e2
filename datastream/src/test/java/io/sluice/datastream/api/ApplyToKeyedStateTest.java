package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.BroadcastStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}: a broadcast record visits the keyed state of
 * every key (reads it, clears some of it).
 */
class ApplyToKeyedStateTest {
    static final CountDownLatch KEYED_DONE = new CountDownLatch(3);
    static final MapStateDescriptor<String, String> COMMANDS =
            new MapStateDescriptor<>("commands", Types.STRING, Types.STRING);
    static final ValueStateDescriptor<Integer> SUM = new ValueStateDescriptor<>("sum", Types.INT);

    /** Holds the broadcast commands back until the keyed records have been processed. */
    public static final class AfterKeyed implements MapFunction<String, String> {
        @Override
        public String map(String value) throws Exception {
            KEYED_DONE.await(30, TimeUnit.SECONDS);
            return value;
        }
    }

    /** Sums per key; "report" lists every key's sum, "clear a" clears key a's sum. */
    public static final class Sums extends KeyedBroadcastProcessFunction<String, Tuple2<String, Integer>, String,
            String> {
        @Override
        public void processElement(Tuple2<String, Integer> value, ReadOnlyContext ctx, Collector<String> out)
                throws Exception {
            ValueState<Integer> sum = getRuntimeContext().getState(SUM);
            sum.update((sum.value() == null ? 0 : sum.value()) + value.f1);
            KEYED_DONE.countDown();
        }

        @Override
        public void processBroadcastElement(String command, Context ctx, Collector<String> out) throws Exception {
            if (command.equals("report")) {
                ctx.applyToKeyedState(SUM, (key, state) -> out.collect(command + " " + key + "=" + state.value()));
            } else {
                String cleared = command.substring("clear ".length());
                ctx.applyToKeyedState(SUM, (key, state) -> {
                    if (key.equals(cleared)) {
                        state.clear();
                    }
                });
            }
        }
    }

    @Test
    @Timeout(60)
    void aBroadcastRecordVisitsEveryKeysState() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        BroadcastStream<String> commands = env.fromData("report", "clear a", "report").map(new AfterKeyed())
                .broadcast(COMMANDS);
        List<String> out = new ArrayList<>(env.fromData(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 3))
                .keyBy(t -> t.f0)
                .connect(commands)
                .process(new Sums())
                .executeAndCollect(100));
        assertEquals(List.of("report a=4", "report b=2", "report b=2"), sortedReports(out));
    }

    private static List<String> sortedReports(List<String> out) {
        // the first report lists both keys (in any order), the second only b
        List<String> first = new ArrayList<>(out.subList(0, 2));
        first.sort(null);
        first.addAll(out.subList(2, out.size()));
        return first;
    }
}
