package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.Partitioner;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.KeyedProcessFunction;
import io.sluice.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operators with a parallelism of their own ({@code setParallelism}, {@code setMaxParallelism}) and the explicit
 * partitionings ({@code partitionCustom}, {@code rescale}, {@code broadcast}, {@code global}, {@code forward}):
 * which instances run, and which records each instance sees.
 */
class ParallelismTest {
    /** What the instances of a test saw, by test name: "subtask/instances" of each instance that opened. */
    static final Map<String, Set<String>> OPENED = new ConcurrentHashMap<>();
    /** The records each instance of a test saw, by test name: "subtask:record". */
    static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    static Set<String> opened(String test) {
        return new TreeSet<>(OPENED.getOrDefault(test, Set.of()));
    }

    /** Passes records on and notes, per instance, that it opened and what it saw. */
    static final class Observe<T> extends RichMapFunction<T, T> {
        private final String test;
        private int subtask;

        Observe(String test) {
            this.test = test;
        }

        @Override
        public void open(OpenContext openContext) {
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            OPENED.computeIfAbsent(test, k -> ConcurrentHashMap.newKeySet()).add(subtask + "/"
                    + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        }

        @Override
        public T map(T value) {
            SEEN.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(subtask + ":" + value);
            return value;
        }
    }

    /** A record tagged with the subtask of the instance that mapped it. */
    static final class TagSubtask extends RichMapFunction<Long, Tuple2<Integer, Long>> {
        @Override
        public Tuple2<Integer, Long> map(Long value) {
            return Tuple2.of(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), value);
        }
    }

    static List<Long> sortedLongs(List<Long> values) {
        List<Long> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void operatorsRunWithTheirOwnParallelism(int p) throws Exception {
        String test = "own-" + p;
        List<Long> out = env(p).fromSequence(1, 2000)
                .map(new Observe<>(test + "-a")).setParallelism(3)
                .map(x -> x * 2).returns(Long.class)
                .map(new Observe<>(test + "-b")).setParallelism(1)
                .map(new Observe<>(test + "-c"))
                .executeAndCollect(10_000);
        List<Long> expected = new ArrayList<>();
        range(1, 2000).forEach(x -> expected.add(2 * x));
        assertEquals(expected, sortedLongs(out));
        assertEquals(Set.of("0/3", "1/3", "2/3"), opened(test + "-a"));
        assertEquals(Set.of("0/1"), opened(test + "-b"));
        // an operator without a parallelism of its own runs at the job's, fed round-robin from the single instance
        Set<String> c = new TreeSet<>();
        for (int i = 0; i < p; i++) {
            c.add(i + "/" + p);
        }
        assertEquals(c, opened(test + "-c"));
    }

    @Test
    void sourceAndSinkParallelism() throws Exception {
        List<String> writers = new CopyOnWriteArrayList<>();
        List<Long> written = new CopyOnWriteArrayList<>();
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 500).setParallelism(3)
                .map(new Observe<>("source-sink")).setParallelism(3)
                .sinkTo(new CollectingSink(writers, written)).setParallelism(1);
        env.execute();
        assertEquals(range(1, 500), sortedLongs(written));
        assertEquals(List.of("0/1"), writers);
        assertEquals(Set.of("0/3", "1/3", "2/3"), opened("source-sink"));
    }

    /** A Sink V2 that records its writers' subtasks and every record (shared lists, as the job runs in this JVM). */
    static final class CollectingSink implements Sink<Long> {
        private static final Map<Integer, List<?>[]> TARGETS = new ConcurrentHashMap<>();
        private final int id;
        private final boolean noteJob;

        CollectingSink(List<String> writers, List<Long> written) {
            this(writers, written, false);
        }

        /** With {@code noteJob} each writer also notes its job's id and name. */
        CollectingSink(List<String> writers, List<Long> written, boolean noteJob) {
            id = System.identityHashCode(writers) * 31 + System.identityHashCode(written);
            this.noteJob = noteJob;
            TARGETS.put(id, new List<?>[] {writers, written});
        }

        @Override
        @SuppressWarnings("unchecked")
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            List<?>[] targets = TARGETS.get(id);
            ((List<String>) targets[0]).add(context.getTaskInfo().getIndexOfThisSubtask() + "/"
                    + context.getTaskInfo().getNumberOfParallelSubtasks() + (noteJob ? " "
                    + context.getJobInfo().getJobId() + " " + context.getJobInfo().getJobName() : ""));
            List<Long> written = (List<Long>) targets[1];
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) {
                    written.add(element);
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

    /** Notes what each instance learns of its job and task: "job id|job name|task name with subtasks". */
    static final class NoteJobAndTask extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            io.sluice.api.common.JobInfo job = getRuntimeContext().getJobInfo();
            OPENED.computeIfAbsent("job-info", k -> ConcurrentHashMap.newKeySet()).add(job.getJobId() + "|"
                    + job.getJobName() + "|" + getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks());
            if (getRuntimeContext().getUserCodeClassLoader() == null) {
                throw new IllegalStateException("no user code class loader");
            }
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                var serializer = getRuntimeContext().createSerializer(Types.LONG);
                serializer.serialize(42L, new java.io.DataOutputStream(bytes));
                if (serializer.deserialize(new java.io.DataInputStream(new java.io.ByteArrayInputStream(
                        bytes.toByteArray()))) != 42L) {
                    throw new IllegalStateException("the serializer lost the value");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void functionsAndSinksKnowTheirJobAndTask() throws Exception {
        List<String> writers = new CopyOnWriteArrayList<>();
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10).map(new NoteJobAndTask()).name("noter")
                .sinkTo(new CollectingSink(writers, new CopyOnWriteArrayList<>(), true)).setParallelism(1);
        io.sluice.api.common.JobExecutionResult result = env.execute("job info");
        String id = result.getJobID().toHexString();
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        // the task is the chain the function runs in (here the source's)
        assertEquals(Set.of(id + "|job info|Sequence Source (1/2)#0", id + "|job info|Sequence Source (2/2)#0"),
                opened("job-info"));
        assertEquals(List.of("0/1 " + id + " job info"), writers);
        // another job of the same environment is another job
        env.fromSequence(1, 3).sinkTo(new CollectingSink(writers, new CopyOnWriteArrayList<>(), true))
                .setParallelism(1);
        String second = env.execute("second").getJobID().toHexString();
        assertTrue(!second.equals(id) && writers.get(1).equals("0/1 " + second + " second"), writers.toString());
    }

    @Test
    void keyedOperatorWithItsOwnParallelismAndMaxParallelism() throws Exception {
        List<String> out = env(2).fromSequence(1, 300)
                .map(x -> x).returns(Long.class).setParallelism(3)
                .keyBy(x -> x % 7)
                .process(new KeyedProcessFunction<Long, Long, String>() {
                    private transient ValueState<Long> sum;

                    @Override
                    public void open(OpenContext ctx) {
                        sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
                        assertEquals(5, getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
                        assertEquals(16, getRuntimeContext().getTaskInfo().getMaxNumberOfParallelSubtasks());
                    }

                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> o) throws Exception {
                        long s = (sum.value() == null ? 0 : sum.value()) + value;
                        sum.update(s);
                        o.collect(ctx.getCurrentKey() + "=" + s);
                    }
                }).setParallelism(5).setMaxParallelism(16)
                .executeAndCollect(1000);
        Map<String, Long> last = new java.util.TreeMap<>(); // running sums grow: the largest is the final one
        for (String r : out) {
            last.merge(r.substring(0, r.indexOf('=')), Long.parseLong(r.substring(r.indexOf('=') + 1)), Math::max);
        }
        assertEquals(300, out.size());
        List<String> expected = new ArrayList<>();
        for (long k = 0; k < 7; k++) {
            long s = 0;
            for (long x = 1; x <= 300; x++) {
                s += x % 7 == k ? x : 0;
            }
            expected.add(k + "=" + s);
        }
        List<String> result = new ArrayList<>();
        last.forEach((k, v) -> result.add(k + "=" + v));
        assertEquals(expected, result);
    }

    /** Sends a number to the instance of its remainder. */
    static final class ByRemainder implements Partitioner<Long> {
        @Override
        public int partition(Long key, int numPartitions) {
            return (int) (key % numPartitions);
        }
    }

    @Test
    void partitionCustomSendsEachRecordWhereThePartitionerSays() throws Exception {
        String test = "custom";
        List<Long> out = env(2).fromSequence(1, 100)
                .partitionCustom(new ByRemainder(), x -> x)
                .map(new Observe<>(test)).setParallelism(3)
                .executeAndCollect(1000);
        assertEquals(range(1, 100), sortedLongs(out));
        assertEquals(100, SEEN.get(test).size());
        for (String s : SEEN.get(test)) {
            String[] parts = s.split(":");
            assertEquals(Long.parseLong(parts[1]) % 3, Long.parseLong(parts[0]), s);
        }
    }

    /**
     * A sink with a pre-write topology: it drops negative numbers and sends each number to the writer its remainder
     * names, whatever the stream given to {@code sinkTo} looks like. Its writers note "subtask:record".
     */
    static final class ByRemainderSink implements Sink<Long>,
            io.sluice.streaming.api.connector.sink2.SupportsPreWriteTopology<Long> {
        private final String test;

        ByRemainderSink(String test) {
            this.test = test;
        }

        @Override
        public DataStream<Long> addPreWriteTopology(DataStream<Long> input) {
            return input.filter(x -> x >= 0).partitionCustom(new ByRemainder(), x -> x);
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            int subtask = context.getTaskInfo().getIndexOfThisSubtask();
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) {
                    SEEN.computeIfAbsent(test, k -> new CopyOnWriteArrayList<>()).add(subtask + ":" + element);
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

    @Test
    void aSinksPreWriteTopologyShapesWhatItsWritersGet() throws Exception {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(-50, 100).sinkTo(new ByRemainderSink("pre-write")).setParallelism(3);
        env.execute();
        List<String> seen = SEEN.get("pre-write");
        assertEquals(101, seen.size());
        for (String s : seen) {
            String[] parts = s.split(":");
            assertEquals(Long.parseLong(parts[1]) % 3, Long.parseLong(parts[0]), s);
        }
    }

    /** A sink with a post-commit topology but no committer. */
    abstract static class PostCommitSink implements Sink<Long>,
            io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology<String> {
    }

    @Test
    void aCommitTopologyNeedsACommitter() {
        PostCommitSink sink = new PostCommitSink() {
            @Override
            public SinkWriter<Long> createWriter(WriterInitContext context) {
                throw new AssertionError("not called");
            }

            @Override
            public void addPostCommitTopology(
                    DataStream<io.sluice.streaming.api.connector.sink2.CommittableMessage<String>> committables) {
                throw new AssertionError("not called");
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env(1).fromSequence(1, 3).sinkTo(sink));
        assertTrue(e.getMessage().endsWith("must implement SupportsCommitter"), e.getMessage());
    }

    @Test
    void aPartitionerOutOfRangeFailsTheJob() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10).partitionCustom((Long k, int n) -> n, x -> x).map(x -> x).print();
        Exception e = assertThrows(Exception.class, env::execute);
        Throwable t = e;
        while (t.getCause() != null && !t.getMessage().contains("chose partition")) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("chose partition 2 of 2"), t.getMessage());
    }

    @Test
    void rescaleFeedsEachInstanceFromItsShareOfTheProducers() throws Exception {
        String test = "rescale";
        List<Tuple2<Integer, Long>> out = env(2).fromSequence(1, 4000)
                .map(new TagSubtask())
                .rescale()
                .map(new Observe<>(test)).setParallelism(4)
                .executeAndCollect(10_000);
        assertEquals(4000, out.size());
        Set<String> pairs = new TreeSet<>();
        for (String s : SEEN.get(test)) {
            int consumer = Integer.parseInt(s.substring(0, s.indexOf(':')));
            int producer = Integer.parseInt(s.substring(s.indexOf('(') + 1, s.indexOf(',')));
            assertEquals(consumer / 2, producer, s);
            pairs.add(producer + "->" + consumer);
        }
        assertTrue(pairs.size() >= 2, pairs.toString());
    }

    @Test
    void broadcastSendsEveryRecordToEveryInstance() throws Exception {
        String test = "broadcast";
        List<Integer> out = env(1).fromData(1, 2, 3).broadcast()
                .map(new Observe<>(test)).setParallelism(3)
                .executeAndCollect(100);
        out.sort(null);
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3), out);
        Set<String> seen = new TreeSet<>(SEEN.get(test));
        assertEquals(new TreeSet<>(List.of("0:1", "0:2", "0:3", "1:1", "1:2", "1:3", "2:1", "2:2", "2:3")), seen);
    }

    @Test
    void globalSendsEverythingToTheFirstInstance() throws Exception {
        String test = "global";
        List<Long> out = env(2).fromSequence(1, 50).global()
                .map(new Observe<>(test)).setParallelism(3)
                .executeAndCollect(100);
        assertEquals(range(1, 50), sortedLongs(out));
        for (String s : SEEN.get(test)) {
            assertTrue(s.startsWith("0:"), s);
        }
        assertEquals(Set.of("0/3", "1/3", "2/3"), opened(test));
    }

    @Test
    void forwardNeedsEqualParallelism() throws Exception {
        assertEquals(range(1, 20), sortedLongs(env(2).fromSequence(1, 20).forward().map(x -> x).returns(Long.class)
                .executeAndCollect(100)));
        StreamExecutionEnvironment env = env(2);
        DataStream<Long> s = env.fromSequence(1, 20).forward().map(x -> x).returns(Long.class).setParallelism(3);
        s.print();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, env::execute);
        assertTrue(e.getMessage().startsWith("Forward partitioning does not allow a change of parallelism"),
                e.getMessage());
    }

    @Test
    void parallelismSettingsAreCheckedAsFlinkChecksThem() {
        StreamExecutionEnvironment env = env(2);
        assertThrows(IllegalArgumentException.class, () -> env.fromSequence(1, 2).map(x -> x).setParallelism(0));
        assertThrows(IllegalArgumentException.class, () -> env.fromSequence(1, 2).map(x -> x).setMaxParallelism(0));
        assertThrows(IllegalArgumentException.class,
                () -> env.fromSequence(1, 2).map(x -> x).setMaxParallelism((1 << 15) + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.fromSequence(1, 2).map(x -> x).forceNonParallel().setParallelism(2));
        assertEquals("The parallelism of non parallel operator must be 1.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.fromSequence(1, 2).print().setParallelism(-3));
        env.fromSequence(1, 2).map(x -> x).setParallelism(4).setMaxParallelism(2).print();
        IllegalStateException m = assertThrows(IllegalStateException.class, env::execute);
        assertTrue(m.getMessage().contains("maximum parallelism (2)"), m.getMessage());
    }

    @Test
    void nameUidDescriptionSlotSharingAndChainingHintsAreAccepted() throws Exception {
        List<Long> out = env(2).fromSequence(1, 10).name("numbers").uid("numbers")
                .map(x -> x + 1).returns(Long.class).name("plus one").uid("plus-one").setUidHash("0123abcd")
                .setDescription("adds one").slotSharingGroup("group").disableChaining().startNewChain()
                .setBufferTimeout(5)
                .executeAndCollect(100);
        assertEquals(range(2, 11), sortedLongs(out));
    }
}
