package io.sluice.datastream.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.co.CoMapFunction;
import io.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import io.sluice.streaming.api.functions.co.RichCoFlatMapFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connected streams: Flink's "control stream" example and a keyed enrichment join. */
class ConnectTest {

    /** Flink's ControlFunction (Learn Flink: connected streams), import change only. */
    public static class ControlFunction extends RichCoFlatMapFunction<String, String, String> {
        private ValueState<Boolean> blocked;

        @Override
        public void open(OpenContext ctx) {
            blocked = getRuntimeContext().getState(new ValueStateDescriptor<>("blocked", Boolean.class));
        }

        @Override
        public void flatMap1(String controlValue, Collector<String> out) throws Exception {
            blocked.update(Boolean.TRUE);
        }

        @Override
        public void flatMap2(String dataValue, Collector<String> out) throws Exception {
            if (blocked.value() == null) {
                out.collect(dataValue);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void controlStreamBlocksWords(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH); // the control input is read first, as in a bounded job
        DataStream<String> control = env.fromData("DROP", "IGNORE").keyBy(x -> x);
        DataStream<String> streamOfWords = env.fromData("Apache", "DROP", "Flink", "IGNORE").keyBy(x -> x);
        List<String> out = new ArrayList<>(control.connect(streamOfWords).flatMap(new ControlFunction())
                .executeAndCollect(100));
        out.sort(null);
        assertEquals(List.of("Apache", "Flink"), out);
    }

    @Test
    void coMapOnUnkeyedStreams() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<Integer> numbers = env.fromData(1, 2, 3);
        DataStream<String> words = env.fromData("a", "b");
        List<String> out = new ArrayList<>(numbers.connect(words).map(new CoMapFunction<Integer, String, String>() {
            @Override
            public String map1(Integer value) {
                return "n" + value;
            }

            @Override
            public String map2(String value) {
                return "w" + value;
            }
        }).executeAndCollect(100));
        out.sort(null);
        assertEquals(List.of("n1", "n2", "n3", "wa", "wb"), out);
    }

    /** Joins each ride with its fare, whichever arrives first (as in Flink's training exercise). */
    public static class EnrichmentFunction extends KeyedCoProcessFunction<Long, Tuple2<Long, String>,
            Tuple2<Long, Double>, Tuple3<Long, String, Double>> {
        private ValueState<Tuple2<Long, String>> rideState;
        private ValueState<Tuple2<Long, Double>> fareState;

        @Override
        public void open(OpenContext ctx) {
            rideState = getRuntimeContext().getState(new ValueStateDescriptor<>("saved ride",
                    io.sluice.api.common.typeinfo.TypeInformation.of(
                            new io.sluice.api.common.typeinfo.TypeHint<Tuple2<Long, String>>() { })));
            fareState = getRuntimeContext().getState(new ValueStateDescriptor<>("saved fare",
                    io.sluice.api.common.typeinfo.TypeInformation.of(
                            new io.sluice.api.common.typeinfo.TypeHint<Tuple2<Long, Double>>() { })));
        }

        @Override
        public void processElement1(Tuple2<Long, String> ride, Context ctx,
                Collector<Tuple3<Long, String, Double>> out) throws Exception {
            Tuple2<Long, Double> fare = fareState.value();
            if (fare != null) {
                fareState.clear();
                out.collect(Tuple3.of(ride.f0, ride.f1, fare.f1));
            } else {
                rideState.update(ride);
            }
        }

        @Override
        public void processElement2(Tuple2<Long, Double> fare, Context ctx,
                Collector<Tuple3<Long, String, Double>> out) throws Exception {
            Tuple2<Long, String> ride = rideState.value();
            if (ride != null) {
                rideState.clear();
                out.collect(Tuple3.of(ride.f0, ride.f1, fare.f1));
            } else {
                fareState.update(fare);
            }
        }
    }

    static List<Tuple2<Long, String>> rides() {
        return rides(50);
    }

    static List<Tuple2<Long, String>> rides(int n) {
        List<Tuple2<Long, String>> r = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            r.add(Tuple2.of(i, "driver-" + (i % 7)));
        }
        return r;
    }

    static List<Tuple2<Long, Double>> fares() {
        return fares(50);
    }

    static List<Tuple2<Long, Double>> fares(int n) {
        List<Tuple2<Long, Double>> f = new ArrayList<>();
        for (long i = n - 1; i >= 0; i--) {
            if (i != 13) {
                f.add(Tuple2.of(i, i * 1.5));
            }
        }
        return f;
    }

    static List<String> expected() {
        List<String> e = new ArrayList<>();
        for (long i = 0; i < 50; i++) {
            if (i != 13) {
                e.add(Tuple3.of(i, "driver-" + (i % 7), i * 1.5).toString());
            }
        }
        e.sort(null);
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void enrichmentJoinsEachRideWithItsFare(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.getConfiguration().setString("table.exec.batch-size", "7");
        List<String> out = new ArrayList<>();
        env.fromData(rides()).connect(env.fromData(fares()))
                .keyBy(ride -> ride.f0, fare -> fare.f0)
                .process(new EnrichmentFunction())
                .executeAndCollect().forEachRemaining(t -> out.add(t.toString()));
        out.sort(null);
        assertEquals(expected(), out);
    }
}
