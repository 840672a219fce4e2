package io.sluice.benchmarks.flinkpeer;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * Two DataStream jobs on generated input at parallelism 1, timed on flink; the same program (but for its imports) runs on
 * the other engine for benchmarks/datastream-vs-flink.sh. {@code wordcount}: Flink's WordCount (tokenizer, keyBy,
 * rolling sum) over generated lines of 8 words from a vocabulary of 10,000. {@code keyed-state}: a
 * KeyedProcessFunction keeping a count and a sum in value state for 100,000 accounts. Both sources are
 * {@code fromSequence}, mapped to the records; the sink discards. Records/s counts source records (lines, events);
 * wall time of {@code execute()}, job start included.
 *
 * <p>Arguments: records (5,000,000), timed runs (3), warm-up runs (1), jobs (wordcount,keyed-state).
 */
public final class FlinkDataStream {
    static final int VOCABULARY = 10_000;
    static final int WORDS_PER_LINE = 8;
    static final long ACCOUNTS = 100_000L;

    private FlinkDataStream() {
    }

    public static void main(String[] args) throws Exception {
        runAll("flink", args);
        System.exit(0);
    }

    /** The vocabulary the generated lines draw their words from. */
    static final String[] WORDS = new String[VOCABULARY];

    static {
        for (int i = 0; i < VOCABULARY; i++) {
            WORDS[i] = "w" + Integer.toString(i, 36);
        }
    }

    /** A cheap, deterministic scramble of an index (the same in both engines). */
    static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** Line {@code i}: {@link #WORDS_PER_LINE} words separated by blanks. */
    public static final class Line implements MapFunction<Long, String> {
        @Override
        public String map(Long index) {
            StringBuilder sb = new StringBuilder(WORDS_PER_LINE * 5);
            long base = index * WORDS_PER_LINE;
            for (int j = 0; j < WORDS_PER_LINE; j++) {
                if (j > 0) {
                    sb.append(' ');
                }
                sb.append(WORDS[(int) Long.remainderUnsigned(mix(base + j), VOCABULARY)]);
            }
            return sb.toString();
        }
    }

    /** Flink's WordCount tokenizer. */
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

    /** Event {@code i}: (account, amount in cents). */
    public static final class Event implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long index) {
            long m = mix(index);
            return Tuple2.of(Long.remainderUnsigned(m, ACCOUNTS), Long.remainderUnsigned(m >>> 20, 100_000L));
        }
    }

    /**
     * Per account a count and a sum of its amounts in value state; an event more than ten times the account's mean
     * so far emits (account, sum).
     */
    public static final class Outliers extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<Long, Long> event, Context ctx, Collector<Tuple2<Long, Long>> out)
                throws Exception {
            Long c = count.value();
            Long s = sum.value();
            long n = c == null ? 0 : c;
            long total = s == null ? 0 : s;
            if (n > 0 && event.f1 * n > 10 * total) {
                out.collect(Tuple2.of(event.f0, total));
            }
            count.update(n + 1);
            sum.update(total + event.f1);
        }
    }

    /** Builds and runs one job on {@code records} generated records; returns the wall time in seconds. */
    static double runJob(String job, long records) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        switch (job) {
            case "wordcount":
                env.fromSequence(0, records - 1)
                        .map(new Line())
                        .flatMap(new Tokenizer())
                        .keyBy(value -> value.f0)
                        .sum(1)
                        .sinkTo(new DiscardingSink<>());
                break;
            case "keyed-state":
                env.fromSequence(0, records - 1)
                        .map(new Event())
                        .keyBy(value -> value.f0)
                        .process(new Outliers())
                        .sinkTo(new DiscardingSink<>());
                break;
            default:
                throw new IllegalArgumentException("unknown job " + job + "; known: wordcount, keyed-state");
        }
        long start = System.nanoTime();
        env.execute(job);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Runs each job {@code warmups + runs} times and prints
     * {@code RESULT engine=E job=J records=N seconds=S records_per_s=R} with the median of the timed runs.
     */
    static void runAll(String engine, String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String[] jobs = (args.length > 3 ? args[3] : "wordcount,keyed-state").split(",");
        for (String job : jobs) {
            for (int i = 0; i < warmups; i++) {
                runJob(job, records);
            }
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                seconds[i] = runJob(job, records);
            }
            java.util.Arrays.sort(seconds);
            double median = seconds[runs / 2];
            System.out.printf(java.util.Locale.ROOT, "RESULT engine=%s job=%s records=%d seconds=%.3f"
                    + " records_per_s=%.0f%n", engine, job, records, median, records / median);
        }
    }
}
