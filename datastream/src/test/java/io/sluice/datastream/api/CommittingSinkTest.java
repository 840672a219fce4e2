package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.connector.sink2.Committer;
import io.sluice.api.connector.sink2.CommitterInitContext;
import io.sluice.api.connector.sink2.CommittingSinkWriter;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.StatefulSinkWriter;
import io.sluice.api.connector.sink2.SupportsCommitter;
import io.sluice.api.connector.sink2.SupportsWriterState;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.configuration.Configuration;
import io.sluice.core.io.SimpleVersionedSerializer;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sink V2 with a committer (Flink's {@code SupportsCommitter}) and writer state ({@code SupportsWriterState}): a sink
 * that stages each checkpoint's records in a hidden file and publishes it by renaming it when the checkpoint
 * completes. A job that fails part way and restores from its latest checkpoint publishes every record exactly once.
 */
class CommittingSinkTest {
    @TempDir
    Path dir;

    /** A file sink: a writer stages files, the committer renames them into place; the writer keeps its file count. */
    static final class RenamingSink implements Sink<Long>, SupportsCommitter<String>, SupportsWriterState<Long, Integer> {
        private final String directory;

        RenamingSink(Path directory) {
            this.directory = directory.toString();
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new StagingWriter(directory, context.getTaskInfo().getIndexOfThisSubtask(), 0,
                    context.getRestoredCheckpointId().isPresent());
        }

        @Override
        public StatefulSinkWriter<Long, Integer> restoreWriter(WriterInitContext context,
                Collection<Integer> recoveredState) {
            int files = recoveredState.stream().mapToInt(Integer::intValue).max().orElse(0);
            return new StagingWriter(directory, context.getTaskInfo().getIndexOfThisSubtask(), files,
                    context.getRestoredCheckpointId().isPresent());
        }

        @Override
        public SimpleVersionedSerializer<Integer> getWriterStateSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(Integer obj) {
                    return String.valueOf(obj).getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public Integer deserialize(int version, byte[] serialized) {
                    return Integer.valueOf(new String(serialized, StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        public Committer<String> createCommitter(CommitterInitContext context) {
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<String>> committables) throws IOException {
                    for (CommitRequest<String> request : committables) {
                        Path staged = Path.of(request.getCommittable());
                        Path published = staged.resolveSibling(staged.getFileName().toString().substring(1));
                        if (Files.exists(published) && !Files.exists(staged)) {
                            request.signalAlreadyCommitted(); // the failed run committed it already
                        } else {
                            Files.move(staged, published, StandardCopyOption.ATOMIC_MOVE);
                        }
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(String obj) {
                    return obj.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String deserialize(int version, byte[] serialized) {
                    return new String(serialized, StandardCharsets.UTF_8);
                }
            };
        }
    }

    /** Records which restored writers were told their restored checkpoint. */
    static final Set<String> RESTORED = ConcurrentHashMap.newKeySet();

    /** Writes the records between two checkpoints to a hidden file {@code .part-<subtask>-<n>}. */
    static final class StagingWriter implements CommittingSinkWriter<Long, String>, StatefulSinkWriter<Long, Integer> {
        private final String directory;
        private final int subtask;
        private int files;
        private final List<String> lines = new ArrayList<>();

        StagingWriter(String directory, int subtask, int files, boolean restored) {
            this.directory = directory;
            this.subtask = subtask;
            this.files = files;
            if (restored) {
                RESTORED.add(directory + "/" + subtask);
            }
        }

        @Override
        public void write(Long element, Context context) {
            lines.add(String.valueOf(element));
        }

        @Override
        public void flush(boolean endOfInput) {
        }

        @Override
        public Collection<String> prepareCommit() throws IOException {
            if (lines.isEmpty()) {
                return List.of();
            }
            // a failed run may have staged a file under this name: the restored count starts after the checkpoint's
            Path staged = Path.of(directory, ".part-" + subtask + "-" + files++);
            Files.write(staged, lines);
            lines.clear();
            return List.of(staged.toString());
        }

        @Override
        public List<Integer> snapshotState(long checkpointId) {
            return List.of(files);
        }

        @Override
        public void close() {
        }
    }

    /**
     * Fails once, after 300 records of an instance and once a checkpoint completed (so that the restart restores
     * one), slowly enough that checkpoints fall in between.
     */
    public static final class FailOnce implements MapFunction<Long, Long>,
            io.sluice.api.common.state.CheckpointListener {
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
        private final String name;
        private int seen;
        private boolean checkpointed;

        FailOnce(String name) {
            this.name = name;
        }

        @Override
        public Long map(Long value) throws Exception {
            if (value % 5 == 0) {
                Thread.sleep(1);
            }
            if (++seen >= 300 && checkpointed && FAILED.add(name)) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }
    }

    private List<Long> published(Path out) throws IOException {
        List<Long> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    values.add(Long.parseLong(line));
                }
            }
        }
        values.sort(null);
        return values;
    }

    @Test
    void committablesArePublishedOnceAcrossAFailureAndRestore() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", dir.resolve("chk").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(20);
        env.fromSequence(1, 2000)
                .map(new FailOnce("committing"))
                .sinkTo(new RenamingSink(out));
        env.execute("committing sink");
        assertTrue(FailOnce.FAILED.contains("committing"), "the failure was injected");
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 2000; i++) {
            expected.add(i);
        }
        assertEquals(expected, published(out));
        assertTrue(RESTORED.stream().anyMatch(r -> r.startsWith(out.toString())),
                "a restored writer saw its restored checkpoint id: " + RESTORED);
    }

    @Test
    void withoutCheckpointsEverythingIsCommittedAtTheEnd() throws Exception {
        Path out = Files.createDirectories(dir.resolve("bounded"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, 100).sinkTo(new RenamingSink(out));
        env.execute("bounded committing sink");
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, published(out));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".")).count(),
                    "nothing left staged");
        }
    }

    @Test
    void aRestoredInstanceCommitsWhatTheCheckpointKeptWhenTheFailedRunDidNot() throws Exception {
        Path out = Files.createDirectories(dir.resolve("killed"));
        io.sluice.api.common.TaskInfo task = new io.sluice.api.common.TaskInfo() {
            @Override
            public String getTaskName() {
                return "Sink: Writer";
            }

            @Override
            public int getIndexOfThisSubtask() {
                return 0;
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return 1;
            }

            @Override
            public int getMaxNumberOfParallelSubtasks() {
                return 128;
            }

            @Override
            public int getAttemptNumber() {
                return 0;
            }
        };
        var sink = new io.sluice.datastream.runtime.sink.CommittingUserSink(new RenamingSink(out));
        var killed = sink.createWriter(task, true);
        killed.write(1L, Long.MIN_VALUE, Long.MIN_VALUE);
        killed.write(2L, Long.MIN_VALUE, Long.MIN_VALUE);
        byte[] checkpoint = killed.snapshotState(7);
        killed.write(3L, Long.MIN_VALUE, Long.MIN_VALUE); // after the checkpoint: not part of it
        killed.close(); // the process died before the checkpoint's completion reached the sink
        assertEquals(List.of(), published(out));

        var restored = sink.createWriter(task, true);
        restored.restoreState(checkpoint);
        assertEquals(List.of(1L, 2L), published(out), "the restored checkpoint's committables are committed");
        restored.write(4L, Long.MIN_VALUE, Long.MIN_VALUE);
        restored.finish();
        restored.close();
        assertEquals(List.of(1L, 2L, 4L), published(out));
    }

    /** What the pre-commit topology passed on and what the post-commit topology received, by output directory. */
    static final Set<String> PRE_COMMIT = ConcurrentHashMap.newKeySet();
    static final Set<String> POST_COMMIT = ConcurrentHashMap.newKeySet();

    /**
     * The renaming sink with a pre-commit topology (all committables to one committer instance, noted on the way) and
     * a post-commit topology (that notes every committed file, as a compaction step would pick them up).
     */
    static final class RenamingSinkWithTopologies implements Sink<Long>, SupportsCommitter<String>,
            SupportsWriterState<Long, Integer>,
            io.sluice.streaming.api.connector.sink2.SupportsPreCommitTopology<String, String>,
            io.sluice.streaming.api.connector.sink2.SupportsPostCommitTopology<String> {
        private final RenamingSink sink;

        RenamingSinkWithTopologies(Path directory) {
            this.sink = new RenamingSink(directory);
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
            return sink.createCommitter(context);
        }

        @Override
        public SimpleVersionedSerializer<String> getCommittableSerializer() {
            return sink.getCommittableSerializer();
        }

        @Override
        public SimpleVersionedSerializer<String> getWriteResultSerializer() {
            return sink.getCommittableSerializer();
        }

        @Override
        @SuppressWarnings("unchecked")
        public io.sluice.streaming.api.datastream.DataStream<
                io.sluice.streaming.api.connector.sink2.CommittableMessage<String>> addPreCommitTopology(
                io.sluice.streaming.api.datastream.DataStream<
                        io.sluice.streaming.api.connector.sink2.CommittableMessage<String>> committables) {
            return committables.global().map(m -> {
                if (m instanceof io.sluice.streaming.api.connector.sink2.CommittableWithLineage) {
                    PRE_COMMIT.add(((io.sluice.streaming.api.connector.sink2.CommittableWithLineage<String>) m)
                            .getCommittable());
                }
                return m;
            }).returns(io.sluice.streaming.api.connector.sink2.CommittableMessageTypeInfo.of(
                    () -> getCommittableSerializer()));
        }

        @Override
        @SuppressWarnings("unchecked")
        public void addPostCommitTopology(io.sluice.streaming.api.datastream.DataStream<
                io.sluice.streaming.api.connector.sink2.CommittableMessage<String>> committed) {
            committed.filter(m -> m instanceof io.sluice.streaming.api.connector.sink2.CommittableWithLineage)
                    .map(m -> ((io.sluice.streaming.api.connector.sink2.CommittableWithLineage<String>) m)
                            .getCommittable())
                    .returns(io.sluice.api.common.typeinfo.Types.STRING)
                    .addSink(new io.sluice.streaming.api.functions.sink.legacy.SinkFunction<String>() {
                        @Override
                        public void invoke(String file, Context context) {
                            POST_COMMIT.add(file);
                        }
                    });
        }
    }

    private static Set<String> staged(Set<String> files, Path out) {
        Set<String> mine = new java.util.TreeSet<>();
        for (String f : files) {
            if (f.startsWith(out.toString())) {
                mine.add(f);
            }
        }
        return mine;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void preAndPostCommitTopologiesSeeEveryCommittableOnce(boolean failAndRestore) throws Exception {
        Path out = Files.createDirectories(dir.resolve("topologies-" + failAndRestore));
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", dir.resolve("chk-topologies").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        if (failAndRestore) {
            env.enableCheckpointing(20);
        }
        String name = "topologies-" + failAndRestore + "-" + System.nanoTime();
        env.fromSequence(1, 2000)
                .map(failAndRestore ? new FailOnce(name) : x -> x).returns(Long.class)
                .sinkTo(new RenamingSinkWithTopologies(out));
        env.execute("sink with commit topologies");
        assertEquals(failAndRestore, FailOnce.FAILED.contains(name));
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 2000; i++) {
            expected.add(i);
        }
        assertEquals(expected, published(out));
        Set<String> publishedFiles = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            files.forEach(f -> publishedFiles.add(f.resolveSibling("." + f.getFileName()).toString()));
        }
        // every committed file went through the pre-commit topology and reached the post-commit topology
        assertEquals(publishedFiles, staged(POST_COMMIT, out));
        assertTrue(staged(PRE_COMMIT, out).containsAll(publishedFiles), "the pre-commit topology saw them");
    }
}
