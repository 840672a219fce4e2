package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.connector.sink2.Committer;
import io.sluice.api.connector.sink2.CommitterInitContext;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.StatefulSinkWriter;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.api.connector.sink2.SupportsWriterState;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.configuration.Configuration;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.metrics.groups.SinkCommitterMetricGroup;
import io.sluice.streaming.api.connector.sink2.CommittableMessage;
import io.sluice.streaming.api.connector.sink2.StandardSinkTopologies;
import io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code StandardSinkTopologies.addGlobalCommitter} in a sink's post-commit topology: one global committer receives
 * what every committer committed and writes a manifest of the published files; and the committers' metric groups
 * ({@code CommitterInitContext.metricGroup()}) count the committables.
 */
class GlobalCommitterTest {
    /** Per test run: the files the global committer listed, and the instances (index/parallelism) it ran as. */
    static final Map<String, Set<String>> MANIFEST = new ConcurrentHashMap<>();
    static final Map<String, Set<String>> GLOBAL_INSTANCES = new ConcurrentHashMap<>();
    /** Per test run: the committers' metric groups. */
    static final Map<String, Set<SinkCommitterMetricGroup>> METRICS = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** The renaming sink of {@link CommittingSinkTest}, with a global committer after its committers. */
    static final class ManifestSink implements Sink<Long>, SupportsCommitter<String>,
            SupportsWriterState<Long, Integer>, SupportsPostCommitTopology<String> {
        private final CommittingSinkTest.RenamingSink sink;
        private final String run;

        ManifestSink(Path directory, String run) {
            this.sink = new CommittingSinkTest.RenamingSink(directory);
            this.run = run;
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) throws IOException {
            return sink.createWriter(context);
        }

        @Override
        public StatefulSinkWriter<Long, Integer> restoreWriter(WriterInitContext context,
                Collection<Integer> recoveredState) throws IOException {
            return sink.restoreWriter(context, recoveredState);
        }

        @Override
        public SimpleVersionedSerializer<Integer> getWriterStateSerializer() {
            return sink.getWriterStateSerializer();
        }

        @Override
        public Committer<String> createCommitter(CommitterInitContext context) throws IOException {
            METRICS.computeIfAbsent(run, k -> ConcurrentHashMap.newKeySet()).add(context.metricGroup());
            return sink.createCommitter(context);
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return sink.getCommittableSerializer();
        }

        @Override
        public void addPostCommitTopology(DataStream<CommittableMessage<String>> committed) {
            String run = this.run;
            StandardSinkTopologies.addGlobalCommitter(committed, context -> {
                GLOBAL_INSTANCES.computeIfAbsent(run, k -> ConcurrentHashMap.newKeySet()).add(
                        context.getTaskInfo().getIndexOfThisSubtask() + "/"
                                + context.getTaskInfo().getNumberOfParallelSubtasks());
                METRICS.computeIfAbsent(run + "-global", k -> ConcurrentHashMap.newKeySet())
                        .add(context.metricGroup());
                return new Committer<String>() {
                    @Override
                    public void commit(Collection<CommitRequest<String>> requests) {
                        for (CommitRequest<String> r : requests) {
                            if (!MANIFEST.computeIfAbsent(run, k -> ConcurrentHashMap.newKeySet())
                                    .add(r.getCommittable())) {
                                r.signalAlreadyCommitted();
                            }
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }, () -> new CommittingSinkTest.RenamingSink(Path.of(".")).getCommittableSerializer());
        }
    }

    private static Set<String> stagedNamesOfPublished(Path out) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            files.forEach(f -> names.add(f.resolveSibling("." + f.getFileName()).toString()));
        }
        return names;
    }

    private static long sum(Set<SinkCommitterMetricGroup> groups,
            java.util.function.Function<SinkCommitterMetricGroup, io.sluice.metrics.Counter> counter) {
        // a restarted instance's metric group hands out its earlier attempt's counters: count each counter once
        java.util.Set<io.sluice.metrics.Counter> counters = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        groups.forEach(g -> counters.add(counter.apply(g)));
        return counters.stream().mapToLong(io.sluice.metrics.Counter::getCount).sum();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theGlobalCommitterSeesEveryCommittedFileOnce(boolean failAndRestore) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", dir.resolve("chk").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(3);
        if (failAndRestore) {
            env.enableCheckpointing(20);
        }
        String run = "global-" + failAndRestore + "-" + System.nanoTime();
        env.fromSequence(1, 2000)
                .map(failAndRestore ? new CommittingSinkTest.FailOnce(run) : x -> x).returns(Long.class)
                .sinkTo(new ManifestSink(out, run));
        env.execute("global committer");
        assertEquals(failAndRestore, CommittingSinkTest.FailOnce.FAILED.contains(run));
        Set<String> published = stagedNamesOfPublished(out);
        assertTrue(published.size() >= 3, "files of every writer: " + published);
        assertEquals(published, MANIFEST.get(run));
        assertEquals(Set.of("0/1"), GLOBAL_INSTANCES.get(run), "one global committer instance");
        Set<SinkCommitterMetricGroup> committers = METRICS.get(run);
        long committed = sum(committers, SinkCommitterMetricGroup::getNumCommittablesSuccessCounter)
                + sum(committers, SinkCommitterMetricGroup::getNumCommittablesAlreadyCommittedCounter);
        if (failAndRestore) {
            // a file the failed run committed is committed again (found committed already) by the restored run
            assertTrue(committed >= published.size(), committed + " < " + published.size());
        } else {
            assertEquals(published.size(), committed);
        }
        Set<SinkCommitterMetricGroup> global = METRICS.get(run + "-global");
        assertEquals(published.size(), sum(global, SinkCommitterMetricGroup::getNumCommittablesSuccessCounter));
        assertEquals(0, sum(global, SinkCommitterMetricGroup::getNumCommittablesFailureCounter));
        assertTrue(sum(global, SinkCommitterMetricGroup::getNumCommittablesTotalCounter) >= published.size());
        if (!failAndRestore) {
            assertEquals(0, sum(global, SinkCommitterMetricGroup::getNumCommittablesAlreadyCommittedCounter));
        }
    }

    @Test
    void atParallelismOneTheCommitterAndTheGlobalCommitterCountApart() throws Exception {
        Path out = Files.createDirectories(dir.resolve("one"));
        String run = "one-" + System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(1, 100).sinkTo(new ManifestSink(out, run));
        env.execute("global committer at parallelism 1");
        Set<String> published = stagedNamesOfPublished(out);
        assertEquals(published, MANIFEST.get(run));
        assertEquals(published.size(), sum(METRICS.get(run),
                SinkCommitterMetricGroup::getNumCommittablesSuccessCounter));
        assertEquals(published.size(), sum(METRICS.get(run + "-global"),
                SinkCommitterMetricGroup::getNumCommittablesSuccessCounter));
        assertEquals(published.size(), sum(METRICS.get(run + "-global"),
                SinkCommitterMetricGroup::getNumCommittablesTotalCounter));
    }

    @Test
    void aPlainCommittingSinksCommitterCountsItsCommittables() throws Exception {
        Path out = Files.createDirectories(dir.resolve("plain"));
        String run = "plain-" + System.nanoTime();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, 100).sinkTo(new MetricsNotingSink(out, run));
        env.execute("committer metrics");
        Set<SinkCommitterMetricGroup> committers = METRICS.get(run);
        long files = stagedNamesOfPublished(out).size();
        assertTrue(files >= 2);
        assertEquals(files, sum(committers, SinkCommitterMetricGroup::getNumCommittablesTotalCounter));
        assertEquals(files, sum(committers, SinkCommitterMetricGroup::getNumCommittablesSuccessCounter));
        assertEquals(0, sum(committers, SinkCommitterMetricGroup::getNumCommittablesRetryCounter));
    }

    /** The renaming sink, noting its committers' metric groups. */
    static final class MetricsNotingSink implements Sink<Long>, SupportsCommitter<String> {
        private final CommittingSinkTest.RenamingSink sink;
        private final String run;

        MetricsNotingSink(Path directory, String run) {
            this.sink = new CommittingSinkTest.RenamingSink(directory);
            this.run = run;
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return sink.createWriter(context);
        }

        @Override
        public Committer<String> createCommitter(CommitterInitContext context) {
            METRICS.computeIfAbsent(run, k -> ConcurrentHashMap.newKeySet()).add(context.metricGroup());
            return sink.createCommitter(context);
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return sink.getCommittableSerializer();
        }
    }
}
