package io.sluice.datastream.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.RuntimeExecutionMode;
import io.sluice.api.common.functions.FlatMapFunction;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flink's WordCount, ported by the import change: a rolling count per word. */
class WordCountTest {
    static final String[] TEXT = {
        "To be, or not to be,--that is the question:--",
        "Whether 'tis nobler in the mind to suffer",
        "The slings and arrows of outrageous fortune",
        "Or to take arms against a sea of troubles,"
    };

    /** Splits a sentence into (word, 1) pairs. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (token.length() > 0) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }

    static Map<String, Integer> expected() {
        Map<String, Integer> m = new TreeMap<>();
        for (String line : TEXT) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    m.merge(token, 1, Integer::sum);
                }
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rollingCountsEndWithTheTotals(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<Tuple2<String, Integer>> counts = env.fromData(TEXT)
                .flatMap(new Tokenizer())
                .keyBy(value -> value.f0)
                .sum(1);
        List<Tuple2<String, Integer>> out = new ArrayList<>();
        counts.executeAndCollect().forEachRemaining(out::add);
        Map<String, Integer> last = new TreeMap<>();
        for (Tuple2<String, Integer> t : out) {
            last.put(t.f0, t.f1);
        }
        assertEquals(expected(), last);
        int words = expected().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(words, out.size(), "one rolling update per word in streaming mode");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void batchModeEmitsFinalCountsOnly(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<Tuple2<String, Integer>> out = env.fromData(TEXT)
                .flatMap(new Tokenizer())
                .keyBy(value -> value.f0)
                .sum(1)
                .executeAndCollect(1000);
        Map<String, Integer> last = new TreeMap<>();
        for (Tuple2<String, Integer> t : out) {
            last.put(t.f0, t.f1);
        }
        assertEquals(expected(), last);
        assertEquals(expected().size(), out.size());
    }
}
