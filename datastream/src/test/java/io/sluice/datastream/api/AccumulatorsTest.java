package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.accumulators.AverageAccumulator;
import io.sluice.api.common.accumulators.DoubleCounter;
import io.sluice.api.common.accumulators.Histogram;
import io.sluice.api.common.accumulators.IntCounter;
import io.sluice.api.common.accumulators.ListAccumulator;
import io.sluice.api.common.accumulators.LongCounter;
import io.sluice.api.common.accumulators.LongMaximum;
import io.sluice.api.common.accumulators.LongMinimum;
import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichFilterFunction;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.configuration.Configuration;
import io.sluice.core.execution.JobClient;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Accumulators added by functions, merged over the parallel instances into the job's result. */
class AccumulatorsTest {

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    /** Adds every kind of accumulator in open and feeds them each record. */
    static final class Measure extends RichMapFunction<Long, Long> {
        private final IntCounter count = new IntCounter();
        private final LongCounter sum = new LongCounter();
        private final DoubleCounter halves = new DoubleCounter();
        private final Histogram remainders = new Histogram();
        private final ListAccumulator<Long> small = new ListAccumulator<>();
        private final AverageAccumulator average = new AverageAccumulator();
        private final LongMaximum max = new LongMaximum();
        private final LongMinimum min = new LongMinimum();

        @Override
        public void open(OpenContext ctx) {
            getRuntimeContext().addAccumulator("count", count);
            getRuntimeContext().addAccumulator("sum", sum);
            getRuntimeContext().addAccumulator("halves", halves);
            getRuntimeContext().addAccumulator("remainders", remainders);
            getRuntimeContext().addAccumulator("small", small);
            getRuntimeContext().addAccumulator("average", average);
            getRuntimeContext().addAccumulator("max", max);
            getRuntimeContext().addAccumulator("min", min);
        }

        @Override
        public Long map(Long x) {
            count.add(1);
            sum.add(x);
            halves.add(x / 2.0);
            remainders.add((int) (x % 3));
            if (x <= 5) {
                small.add(x);
            }
            average.add(x);
            max.add(x);
            min.add(x);
            return x;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void everyKindMergedOverTheInstances(int p) throws Exception {
        StreamExecutionEnvironment env = env(p);
        env.fromSequence(1, 100).map(new Measure()).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute();
        assertEquals(100, (int) result.getAccumulatorResult("count"));
        assertEquals(5050L, (long) result.getAccumulatorResult("sum"));
        assertEquals(2525.0, result.<Double>getAccumulatorResult("halves"), 1e-9);
        assertEquals(new TreeMap<>(Map.of(0, 33, 1, 34, 2, 33)), result.getAccumulatorResult("remainders"));
        List<Long> small = new ArrayList<>(result.<List<Long>>getAccumulatorResult("small"));
        small.sort(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), small);
        assertEquals(50.5, result.<Double>getAccumulatorResult("average"), 1e-9);
        assertEquals(100L, (long) result.getAccumulatorResult("max"));
        assertEquals(1L, (long) result.getAccumulatorResult("min"));
        assertEquals(8, result.getAllAccumulatorResults().size());
        assertNull(result.getAccumulatorResult("missing"));
    }

    @Test
    void operatorsOfOneNameInDifferentChainsAndParallelismsAreMerged() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 60)
                .filter(new RichFilterFunction<Long>() {
                    @Override
                    public boolean filter(Long x) {
                        getRuntimeContext().getIntCounter("records").add(1);
                        return x % 2 == 0;
                    }
                }).setParallelism(3)
                .keyBy(x -> x % 4)
                .process(new KeyedProcessFunction<Long, Long, Long>() {
                    @Override
                    public void processElement(Long x, Context ctx, Collector<Long> out) {
                        getRuntimeContext().getIntCounter("records").add(1);
                        getRuntimeContext().getHistogram("keys").add(ctx.getCurrentKey().intValue());
                        out.collect(x);
                    }
                })
                .sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute();
        assertEquals(90, (int) result.getAccumulatorResult("records"));
        assertEquals(new TreeMap<>(Map.of(0, 15, 2, 15)), result.getAccumulatorResult("keys"));
    }

    @Test
    void aNameIsAddedOncePerInstanceAndMergesOneType() {
        StreamExecutionEnvironment env = env(1);
        env.fromSequence(1, 3).map(new RichMapFunction<Long, Long>() {
            @Override
            public void open(OpenContext ctx) {
                getRuntimeContext().addAccumulator("n", new IntCounter());
                getRuntimeContext().addAccumulator("n", new IntCounter());
            }

            @Override
            public Long map(Long x) {
                return x;
            }
        }).sinkTo(new DiscardingSink<>());
        Exception e = assertThrows(Exception.class, env::execute);
        assertTrue(causes(e).contains("The accumulator 'n' already exists and cannot be added."), causes(e));

        StreamExecutionEnvironment env2 = env(2);
        env2.fromSequence(1, 4).map(new RichMapFunction<Long, Long>() {
            @Override
            public Long map(Long x) {
                if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                    getRuntimeContext().getIntCounter("mixed").add(1);
                } else {
                    getRuntimeContext().getLongCounter("mixed").add(1L);
                }
                return x;
            }
        }).sinkTo(new DiscardingSink<>());
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, env2::execute);
        assertTrue(u.getMessage().contains("'mixed' was created with two different types"), u.getMessage());
    }

    static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" / ");
        }
        return sb.toString();
    }

    @Test
    void executeAsyncHasTheResultWhenTheJobEnds() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10).map(new RichMapFunction<Long, Long>() {
            @Override
            public Long map(Long x) {
                getRuntimeContext().getLongCounter("sum").add(x);
                return x;
            }
        }).sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync();
        JobExecutionResult result = client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertEquals(55L, (long) result.getAccumulatorResult("sum"));
    }

    static final AtomicBoolean FAILED = new AtomicBoolean();

    @Test
    void aRestartedJobReportsItsLastAttempt() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "2");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        FAILED.set(false);
        env.fromSequence(1, 100).map(new RichMapFunction<Long, Long>() {
            @Override
            public Long map(Long x) {
                getRuntimeContext().getIntCounter("seen").add(1);
                if (x == 70 && !FAILED.getAndSet(true)) {
                    throw new IllegalStateException("injected failure");
                }
                return x;
            }
        }).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute();
        assertTrue(FAILED.get());
        assertEquals(100, (int) result.getAccumulatorResult("seen"));
    }
}
