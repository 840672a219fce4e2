package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.configuration.Configuration;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a function learns from its {@code RuntimeContext} about the job beside state: object reuse, the cached files
 * ({@code env.registerCachedFile} and {@code getDistributedCache().getFile}), class loader release hooks (run once
 * when the job ends) and the slot's allocation id.
 */
class RuntimeContextResourcesTest {
    private static final Map<String, List<String>> NOTES = new ConcurrentHashMap<>();
    private static final AtomicInteger HOOK_RUNS = new AtomicInteger();

    @TempDir
    Path dir;

    /** Notes what {@code probe} says in each instance's open, under the job's {@code key}. */
    static final class Probe extends RichMapFunction<Long, Long> {
        private final String key;
        private final String what;

        Probe(String key, String what) {
            this.key = key;
            this.what = what;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            List<String> notes = NOTES.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
            switch (what) {
                case "reuse":
                    notes.add(String.valueOf(getRuntimeContext().isObjectReuseEnabled()));
                    break;
                case "file": {
                    File f = getRuntimeContext().getDistributedCache().getFile("greeting");
                    notes.add(Files.readString(f.toPath()).trim() + " " + f.canExecute() + " " + f.getAbsolutePath());
                    break;
                }
                case "dir": {
                    File d = getRuntimeContext().getDistributedCache().getFile("lookup");
                    notes.add(d.isDirectory() + " " + Files.readString(d.toPath().resolve("a/b.txt")).trim());
                    break;
                }
                case "missing":
                    try {
                        getRuntimeContext().getDistributedCache().getFile("nope");
                    } catch (IllegalArgumentException e) {
                        notes.add(e.getMessage());
                    }
                    break;
                case "hook":
                    getRuntimeContext().registerUserCodeClassLoaderReleaseHookIfAbsent("release-client",
                            HOOK_RUNS::incrementAndGet);
                    notes.add("registered");
                    break;
                case "allocation":
                    notes.add(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + " "
                            + getRuntimeContext().getTaskInfo().getAllocationIDAsString());
                    break;
                default:
                    throw new IllegalArgumentException(what);
            }
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    private static List<String> run(StreamExecutionEnvironment env, String key, String what) throws Exception {
        env.fromSequence(1, 10).map(new Probe(key, what)).returns(Types.LONG).sinkTo(
                new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute();
        List<String> notes = new ArrayList<>(NOTES.getOrDefault(key, List.of()));
        notes.sort(null);
        return notes;
    }

    @Test
    void objectReuseIsOffUnlessEnabled() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        assertEquals(List.of("false", "false"), run(env, "reuse-off", "reuse"));
        assertFalse(env.getConfig().isObjectReuseEnabled());
        env.getConfig().enableObjectReuse();
        assertTrue(env.getConfig().isObjectReuseEnabled());
        assertEquals(List.of("true", "true"), run(env, "reuse-on", "reuse"));

        Configuration conf = new Configuration();
        conf.setString("pipeline.object-reuse", "true");
        StreamExecutionEnvironment configured = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        configured.setParallelism(1);
        assertTrue(configured.getConfig().isObjectReuseEnabled());
        assertEquals(List.of("true"), run(configured, "reuse-conf", "reuse"));
    }

    @Test
    void cachedFilesAreCopiesDeletedWhenTheJobEnds() throws Exception {
        Path file = dir.resolve("greeting.txt");
        Files.writeString(file, "hello\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.registerCachedFile(file.toUri().toString(), "greeting", true);
        assertEquals("greeting", env.getCachedFiles().get(0).f0);
        assertTrue(env.getCachedFiles().get(0).f1.isExecutable);
        List<String> notes = run(env, "file", "file");
        assertEquals(2, notes.size());
        String[] first = notes.get(0).split(" ", 3);
        assertEquals("hello", first[0]);
        assertEquals("true", first[1]);
        assertFalse(first[2].equals(file.toAbsolutePath().toString()), "a copy, not the registered file");
        assertEquals(notes.get(0), notes.get(1), "one copy per job");
        assertFalse(new File(first[2]).exists(), "the copy is deleted when the job ends");
        assertTrue(Files.exists(file));
    }

    @Test
    void aCachedDirectoryIsCopiedWhole() throws Exception {
        Files.createDirectories(dir.resolve("lookup/a"));
        Files.writeString(dir.resolve("lookup/a/b.txt"), "42");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.registerCachedFile(dir.resolve("lookup").toString(), "lookup");
        assertEquals(List.of("true 42"), run(env, "dir", "dir"));
    }

    @Test
    void anUnregisteredNameFails() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        assertEquals(List.of("File with name 'nope' is not available. Did you forget to register the file?"),
                run(env, "missing", "missing"));
        assertThrows(UnsupportedOperationException.class,
                () -> env.registerCachedFile("hdfs://namenode:8020/x", "x"));
    }

    @Test
    void aReleaseHookRunsOnceWhenTheJobEnds() throws Exception {
        HOOK_RUNS.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(3);
        assertEquals(List.of("registered", "registered", "registered"), run(env, "hook", "hook"));
        assertEquals(1, HOOK_RUNS.get(), "one hook of the name, run once the job has ended");
    }

    @Test
    void instancesOfOneIndexShareTheirSlotsAllocationId() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromSequence(1, 10).map(new Probe("alloc", "allocation")).returns(Types.LONG)
                .map(new Probe("alloc", "allocation")).returns(Types.LONG).disableChaining()
                .sinkTo(new io.sluice.streaming.api.functions.sink.v2.DiscardingSink<>());
        env.execute();
        List<String> notes = new ArrayList<>(NOTES.get("alloc"));
        notes.sort(null);
        assertEquals(4, notes.size());
        assertEquals(notes.get(0), notes.get(1));
        assertEquals(notes.get(2), notes.get(3));
        String id0 = notes.get(0).split(" ")[1];
        String id1 = notes.get(2).split(" ")[1];
        assertTrue(id0.matches("[0-9a-f]{32}"), id0);
        assertFalse(id0.equals(id1));
        assertEquals(Set.of("0", "1"), Set.of(notes.get(0).split(" ")[0], notes.get(2).split(" ")[0]));
    }
}
