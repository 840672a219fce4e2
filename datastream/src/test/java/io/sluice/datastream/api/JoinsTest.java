package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.CoGroupFunction;
import io.sluice.api.common.functions.JoinFunction;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.co.ProcessJoinFunction;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flink's "Joining" examples: window join, co-group and interval join, with one key and integer timestamps. */
class JoinsTest {

    static DataStream<Integer> stream(StreamExecutionEnvironment env, Integer... timestamps) {
        return env.fromData(timestamps).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Integer>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v));
    }

    static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void tumblingWindowJoin(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        DataStream<Integer> orangeStream = stream(env, 0, 1, 2, 3, 4, 5, 6, 7);
        DataStream<Integer> greenStream = stream(env, 0, 1, 3, 4, 6, 7);
        List<String> out = orangeStream.join(greenStream)
                .where(v -> "key")
                .equalTo(v -> "key")
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(2)))
                .apply(new JoinFunction<Integer, Integer, String>() {
                    @Override
                    public String join(Integer first, Integer second) {
                        return first + "," + second;
                    }
                })
                .executeAndCollect(100);
        assertEquals(sorted(List.of("0,0", "0,1", "1,0", "1,1", "2,3", "3,3", "4,4", "5,4", "6,6", "6,7", "7,6",
                "7,7")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void coGroupSeesBothSidesOfEachWindow(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        List<String> out = stream(env, 0, 1, 2, 5).coGroup(stream(env, 1, 6, 7))
                .where(v -> v % 2)
                .equalTo(v -> v % 2)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(4)))
                .apply(new CoGroupFunction<Integer, Integer, String>() {
                    @Override
                    public void coGroup(Iterable<Integer> first, Iterable<Integer> second, Collector<String> o) {
                        List<Integer> a = new ArrayList<>();
                        first.forEach(a::add);
                        List<Integer> b = new ArrayList<>();
                        second.forEach(b::add);
                        o.collect(a + "|" + b);
                    }
                })
                .executeAndCollect(100);
        // window [0,4): even {0,2}|{}, odd {1}|{1}; window [4,8): odd {5}|{7}, even {}|{6}
        assertEquals(sorted(List.of("[0, 2]|[]", "[1]|[1]", "[5]|[7]", "[]|[6]")), sorted(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void intervalJoin(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        DataStream<Integer> orangeStream = stream(env, 0, 2, 3, 4, 5, 7);
        DataStream<Integer> greenStream = stream(env, 0, 1, 6, 7);
        List<String> out = orangeStream.keyBy(v -> "key")
                .intervalJoin(greenStream.keyBy(v -> "key"))
                .between(Duration.ofMillis(-2), Duration.ofMillis(1))
                .process(new ProcessJoinFunction<Integer, Integer, String>() {
                    @Override
                    public void processElement(Integer left, Integer right, Context ctx, Collector<String> out) {
                        out.collect(left + "," + right + "@" + ctx.getTimestamp());
                    }
                })
                .executeAndCollect(100);
        assertEquals(sorted(List.of("0,0@0", "0,1@1", "2,0@2", "2,1@2", "3,1@3", "5,6@6", "7,6@7", "7,7@7")),
                sorted(out));
    }

    @org.junit.jupiter.api.Test
    void intervalJoinsAreInEventTimeOnlyAsInFlink() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        io.sluice.streaming.api.datastream.KeyedStream<Integer, Integer> a = env.fromData(1, 2).keyBy(x -> x);
        io.sluice.streaming.api.datastream.KeyedStream<Integer, Integer> b = env.fromData(1, 2).keyBy(x -> x);
        io.sluice.streaming.api.UnsupportedTimeCharacteristicException e = org.junit.jupiter.api.Assertions
                .assertThrows(io.sluice.streaming.api.UnsupportedTimeCharacteristicException.class,
                        () -> a.intervalJoin(b).inProcessingTime().between(Duration.ZERO, Duration.ofSeconds(1)));
        assertEquals("Time-bounded stream joins are only supported in event time", e.getMessage());
        // back in event time, the join builds
        a.intervalJoin(b).inProcessingTime().inEventTime().between(Duration.ZERO, Duration.ofSeconds(1));
    }
}
