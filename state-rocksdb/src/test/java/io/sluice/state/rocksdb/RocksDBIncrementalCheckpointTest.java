package io.sluice.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointSnapshotContext;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.state.keyed.HeapKeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.TimerService;
import io.sluice.runtime.state.keyed.VoidNamespace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of the RocksDB backend: what a checkpoint uploads and reuses, restores from each
 * checkpoint (same range, and rescaled in both directions), the cleanup of shared files once no retained checkpoint
 * references them, savepoints in the canonical format, and files that are missing or half written.
 */
class RocksDBIncrementalCheckpointTest {
    private static final int MAX_PARALLELISM = 128;

    /** 60 letters that differ by key and round (values that compress as little as real ones). */
    private static String padding(long key, int round) {
        java.util.Random random = new java.util.Random(key * 1_000_003 + round);
        StringBuilder s = new StringBuilder(60);
        for (int i = 0; i < 60; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    @TempDir
    Path tmp;

    /** The expected content: per key, the value, the list and the map of the three states. */
    private final Map<Long, String> values = new TreeMap<>();
    private final Map<Long, List<String>> lists = new TreeMap<>();
    private final Map<Long, Map<String, Long>> maps = new TreeMap<>();

    private int backends;

    private RocksDBKeyedStateBackend<Long> backend(KeyGroupRange range, boolean incremental) throws IOException {
        return new RocksDBKeyedStateBackend<>(StateSerializers.LONG, MAX_PARALLELISM, range,
                Files.createDirectories(tmp.resolve("local-" + (backends++))), incremental);
    }

    private static KeyedValueState<VoidNamespace, String> valueState(KeyedStateBackend<Long> b) {
        return b.getValueState("v", StateSerializers.STRING);
    }

    private static KeyedListState<VoidNamespace, String> listState(KeyedStateBackend<Long> b) {
        return b.getListState("l", StateSerializers.STRING);
    }

    private static KeyedMapState<VoidNamespace, String, Long> mapState(KeyedStateBackend<Long> b) {
        return b.getMapState("m", StateSerializers.STRING, StateSerializers.LONG);
    }

    /** Writes keys {@code from..to-1} into all three states (and the model), as round {@code round}. */
    private void write(KeyedStateBackend<Long> b, long from, long to, int round) {
        KeyedValueState<VoidNamespace, String> v = valueState(b);
        KeyedListState<VoidNamespace, String> l = listState(b);
        KeyedMapState<VoidNamespace, String, Long> m = mapState(b);
        for (long k = from; k < to; k++) {
            b.setCurrentKey(k);
            String value = "v" + k + "/" + round + padding(k, round);
            v.update(value);
            values.put(k, value);
            l.add("e" + round);
            lists.computeIfAbsent(k, x -> new ArrayList<>()).add("e" + round);
            m.put("r" + round, k * round);
            maps.computeIfAbsent(k, x -> new TreeMap<>()).put("r" + round, k * round);
        }
    }

    private void delete(KeyedStateBackend<Long> b, long from, long to) {
        for (long k = from; k < to; k++) {
            b.setCurrentKey(k);
            valueState(b).clear();
            listState(b).clear();
            mapState(b).clear();
            values.remove(k);
            lists.remove(k);
            maps.remove(k);
        }
    }

    /** Checks every key below {@code limit} whose key group is in {@code range} against the model. */
    private void assertContent(Map<Long, String> expectedValues, Map<Long, List<String>> expectedLists,
            Map<Long, Map<String, Long>> expectedMaps, KeyedStateBackend<Long> b, long limit) {
        int count = 0;
        for (long k = 0; k < limit; k++) {
            if (!b.keyGroupRange().contains(KeyGroupAssignment.keyGroupFor(Long.hashCode(k), MAX_PARALLELISM))) {
                continue;
            }
            b.setCurrentKey(k);
            assertEquals(expectedValues.get(k), valueState(b).value(), "value of key " + k);
            List<String> list = expectedLists.getOrDefault(k, List.of());
            assertEquals(list, listState(b).get() == null ? List.of() : listState(b).get(), "list of key " + k);
            Map<String, Long> map = new TreeMap<>();
            for (Map.Entry<String, Long> e : mapState(b).entries()) {
                map.put(e.getKey(), e.getValue());
            }
            assertEquals(expectedMaps.getOrDefault(k, Map.of()), map, "map of key " + k);
            if (expectedValues.containsKey(k)) {
                count++;
            }
        }
        assertEquals(count, b.keys("v", VoidNamespace.INSTANCE).size(), "keys of the value state");
    }

    /** A snapshot taken for checkpoint {@code id} of a job whose shared directory is {@code shared}. */
    private record Taken(byte[] bytes, CheckpointSnapshotContext context) {
    }

    private static Taken checkpoint(KeyedStateBackend<?> b, long id, Path shared) throws Exception {
        CheckpointSnapshotContext context = new CheckpointSnapshotContext(id, false, shared);
        byte[] bytes = context.call(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            b.snapshot(out);
            return out.toByteArray();
        });
        return new Taken(bytes, context);
    }

    private static List<InputStream> streams(byte[]... snapshots) {
        List<InputStream> list = new ArrayList<>();
        for (byte[] s : snapshots) {
            list.add(new ByteArrayInputStream(s));
        }
        return list;
    }

    private static long bytesOf(Path shared, Set<String> names) throws IOException {
        long n = 0;
        for (String name : names) {
            n += Files.size(shared.resolve(name));
        }
        return n;
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            files.forEach(f -> names.add(f.getFileName().toString()));
            return names;
        }
    }

    @Test
    void secondCheckpointUploadsOnlyNewFilesAndBothRestoreExactly() throws Exception {
        Path shared = tmp.resolve("job/shared");
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        Taken first;
        Taken second;
        Map<Long, String> values1;
        Map<Long, List<String>> lists1;
        Map<Long, Map<String, Long>> maps1;
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            write(b, 0, 20_000, 1);
            first = checkpoint(b, 1, shared);
            assertTrue(IncrementalSnapshotHandle.isHandle(first.bytes()), "an incremental handle");
            assertTrue(first.bytes().length < 64 * 1024, "a small handle, not the entries: " + first.bytes().length);
            assertEquals(first.context().sharedFiles(), filesIn(shared), "every uploaded file is registered");
            long firstFiles = bytesOf(shared, first.context().sharedFiles());
            assertTrue(firstFiles > 1_000_000, "the state's files were uploaded: " + firstFiles);
            values1 = new TreeMap<>(values);
            lists1 = deepCopy(lists);
            maps1 = deepCopyMaps(maps);

            write(b, 19_000, 21_000, 2);
            delete(b, 0, 500);
            second = checkpoint(b, 2, shared);
            Set<String> reused = new HashSet<>(second.context().sharedFiles());
            reused.retainAll(first.context().sharedFiles());
            Set<String> added = new HashSet<>(second.context().sharedFiles());
            added.removeAll(first.context().sharedFiles());
            assertEquals(first.context().sharedFiles(), reused, "the second checkpoint references the first's files");
            assertFalse(added.isEmpty(), "and uploads the new ones");
            long addedBytes = bytesOf(shared, added);
            assertTrue(addedBytes * 5 < firstFiles, "the new files hold the change only: " + addedBytes + " of "
                    + firstFiles);
            assertEquals(addedBytes + second.bytes().length, b.lastSnapshotBytes(),
                    "checkpoint 2 writes its new files and its handle");
        }
        try (RocksDBKeyedStateBackend<Long> restored = backend(all, true)) {
            restored.restore(streams(first.bytes()));
            assertContent(values1, lists1, maps1, restored, 21_000);
        }
        try (RocksDBKeyedStateBackend<Long> restored = backend(all, false)) {
            restored.restore(streams(second.bytes()));
            assertContent(values, lists, maps, restored, 21_000);
            // restored with incremental checkpoints off: the next snapshot is full, and restores into the heap backend
            byte[] full = Snapshots.snapshot(restored);
            assertFalse(IncrementalSnapshotHandle.isHandle(full));
            try (HeapKeyedStateBackend<Long> heap = new HeapKeyedStateBackend<>(StateSerializers.LONG,
                    MAX_PARALLELISM, all)) {
                heap.restore(streams(full));
                assertContent(values, lists, maps, heap, 21_000);
            }
        }
    }

    @Test
    void aBackendRestoredFromAnIncrementalCheckpointReusesItsFilesAndGoesOn() throws Exception {
        Path shared = tmp.resolve("job/shared");
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        Taken first;
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            write(b, 0, 10_000, 1);
            first = checkpoint(b, 1, shared);
        }
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            b.restore(streams(first.bytes()));
            write(b, 10_000, 10_100, 2);
            Taken second = checkpoint(b, 2, shared);
            assertTrue(second.context().sharedFiles().containsAll(first.context().sharedFiles()),
                    "the restored files are not uploaded again");
            Set<String> added = new HashSet<>(second.context().sharedFiles());
            added.removeAll(first.context().sharedFiles());
            assertEquals(bytesOf(shared, added) + second.bytes().length, b.lastSnapshotBytes());
            assertTrue(bytesOf(shared, added) * 10 < bytesOf(shared, first.context().sharedFiles()),
                    "checkpoint 2 uploads the change: " + bytesOf(shared, added));
            // a checkpoint into another job's shared directory (restored from a foreign checkpoint) uploads everything
            Path otherJob = tmp.resolve("other-job/shared");
            Taken foreign = checkpoint(b, 3, otherJob);
            assertEquals(foreign.context().sharedFiles(), filesIn(otherJob));
            assertTrue(Set.copyOf(first.context().sharedFiles()).stream().noneMatch(
                    foreign.context().sharedFiles()::contains), "nothing of the first job's directory is referenced");
            try (RocksDBKeyedStateBackend<Long> again = backend(all, true)) {
                again.restore(streams(foreign.bytes()));
                assertContent(values, lists, maps, again, 10_100);
            }
        }
    }

    @Test
    void aFullCheckpointRestoresIntoAnIncrementalBackendWhoseNextCheckpointIsIncremental() throws Exception {
        Path shared = tmp.resolve("job/shared");
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        Taken full;
        try (RocksDBKeyedStateBackend<Long> b = backend(all, false)) {
            write(b, 0, 5_000, 1);
            full = checkpoint(b, 1, shared);
            assertFalse(IncrementalSnapshotHandle.isHandle(full.bytes()), "incremental checkpoints are off");
            assertTrue(full.context().sharedFiles().isEmpty());
            assertEquals(full.bytes().length, b.lastSnapshotBytes());
        }
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            b.restore(streams(full.bytes()));
            assertContent(values, lists, maps, b, 5_000);
            write(b, 5_000, 5_010, 2);
            Taken incremental = checkpoint(b, 2, shared);
            assertTrue(IncrementalSnapshotHandle.isHandle(incremental.bytes()));
            try (RocksDBKeyedStateBackend<Long> again = backend(all, false)) {
                again.restore(streams(incremental.bytes()));
                assertContent(values, lists, maps, again, 5_010);
            }
        }
    }

    @Test
    void rescalingFromIncrementalCheckpointsCopiesTheKeyGroupsOfEachInstance() throws Exception {
        Path shared = tmp.resolve("job/shared");
        KeyGroupRange low = new KeyGroupRange(0, 63);
        KeyGroupRange high = new KeyGroupRange(64, 127);
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        // 2 -> 1
        Taken a;
        Taken b;
        try (RocksDBKeyedStateBackend<Long> left = backend(low, true);
                RocksDBKeyedStateBackend<Long> right = backend(high, true)) {
            for (long k = 0; k < 5_000; k++) {
                int kg = KeyGroupAssignment.keyGroupFor(Long.hashCode(k), MAX_PARALLELISM);
                write(low.contains(kg) ? left : right, k, k + 1, 1);
            }
            checkpoint(left, 1, shared);
            checkpoint(right, 1, shared);
            for (long k = 0; k < 5_000; k += 3) {
                int kg = KeyGroupAssignment.keyGroupFor(Long.hashCode(k), MAX_PARALLELISM);
                write(low.contains(kg) ? left : right, k, k + 1, 2);
            }
            for (long k = 1; k < 5_000; k += 10) {
                int kg = KeyGroupAssignment.keyGroupFor(Long.hashCode(k), MAX_PARALLELISM);
                delete(low.contains(kg) ? left : right, k, k + 1);
            }
            a = checkpoint(left, 2, shared);
            b = checkpoint(right, 2, shared);
        }
        byte[] merged;
        try (RocksDBKeyedStateBackend<Long> one = backend(all, true)) {
            one.restore(streams(a.bytes(), b.bytes()));
            assertContent(values, lists, maps, one, 5_000);
            write(one, 5_000, 5_100, 3);
            merged = checkpoint(one, 3, shared).bytes();
        }
        // 1 -> 2
        for (KeyGroupRange range : List.of(low, high)) {
            try (RocksDBKeyedStateBackend<Long> half = backend(range, true)) {
                half.restore(streams(merged));
                assertContent(values, lists, maps, half, 5_100);
            }
        }
        // a key filter (SQL operators span every key group and restore the keys routed to them)
        try (RocksDBKeyedStateBackend<Long> even = backend(all, true)) {
            even.restore(streams(merged), key -> (key[key.length - 1] & 1) == 0);
            even.setCurrentKey(4L);
            assertEquals(values.get(4L), valueState(even).value());
            even.setCurrentKey(5L);
            assertEquals(null, valueState(even).value());
        }
    }

    @Test
    void sharedFilesAreDeletedOnceNoRetainedCheckpointReferencesThem() throws Exception {
        for (int retained : new int[] {1, 2}) {
            Path job = tmp.resolve("cleanup-" + retained);
            CheckpointStorage storage = new CheckpointStorage(job, retained);
            Set<String> everUploaded = new HashSet<>();
            try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
                List<Set<String>> referenced = new ArrayList<>();
                for (int id = 1; id <= 8; id++) {
                    write(b, (id - 1) * 2_000L, id * 2_000L, id);
                    delete(b, (id - 1) * 1_000L, (id - 1) * 1_000L + 500);
                    Taken t = checkpoint(b, id, storage.sharedDirectory());
                    everUploaded.addAll(t.context().sharedFiles());
                    referenced.add(t.context().sharedFiles());
                    Path dir = storage.write(id, List.of(new CheckpointStorage.NodeState("op", 0, 1, "op", "",
                            t.bytes())), t.context().sharedFiles());
                    assertEquals(t.context().sharedFiles(), CheckpointStorage.sharedFilesOf(dir));
                    Set<String> needed = new HashSet<>();
                    for (int r = Math.max(0, referenced.size() - retained); r < referenced.size(); r++) {
                        needed.addAll(referenced.get(r));
                    }
                    assertEquals(needed, filesIn(storage.sharedDirectory()),
                            "after checkpoint " + id + " the shared directory holds what the retained ones reference");
                }
            }
            assertTrue(everUploaded.size() > filesIn(storage.sharedDirectory()).size(),
                    "compactions replaced files, whose shared copies were deleted");
            // the latest checkpoint restores from the files kept
            CheckpointStorage.Checkpoint latest = CheckpointStorage.read(storage.latest().orElseThrow());
            try (RocksDBKeyedStateBackend<Long> restored = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
                restored.restore(streams(latest.stateOf("op", 0)));
                assertContent(values, lists, maps, restored, 16_000);
            }
            values.clear();
            lists.clear();
            maps.clear();
        }
    }

    @Test
    void filesOfACheckpointThatNeverCompletedAreDeletedByTheNextOne() throws Exception {
        Path job = tmp.resolve("job");
        CheckpointStorage storage = new CheckpointStorage(job, 1);
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        Taken completed;
        Set<String> orphans;
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            write(b, 0, 3_000, 1);
            completed = checkpoint(b, 1, storage.sharedDirectory());
            storage.write(1, List.of(new CheckpointStorage.NodeState("op", 0, 1, "op", "", completed.bytes())),
                    completed.context().sharedFiles());
            write(b, 3_000, 6_000, 2);
            // the attempt fails after the instance uploaded its files for checkpoint 2, before the checkpoint completed
            orphans = new HashSet<>(checkpoint(b, 2, storage.sharedDirectory()).context().sharedFiles());
            orphans.removeAll(completed.context().sharedFiles());
            assertFalse(orphans.isEmpty());
        }
        assertTrue(filesIn(storage.sharedDirectory()).containsAll(orphans));
        values.keySet().removeIf(k -> k >= 3_000);
        lists.keySet().removeIf(k -> k >= 3_000);
        maps.keySet().removeIf(k -> k >= 3_000);
        // the restarted attempt restores checkpoint 1 and takes checkpoint 2 again
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            b.restore(streams(CheckpointStorage.read(storage.latest().orElseThrow()).stateOf("op", 0)));
            assertContent(values, lists, maps, b, 6_000);
            write(b, 3_000, 3_100, 3);
            Taken again = checkpoint(b, 2, storage.sharedDirectory());
            storage.write(2, List.of(new CheckpointStorage.NodeState("op", 0, 1, "op", "", again.bytes())),
                    again.context().sharedFiles());
            Set<String> left = filesIn(storage.sharedDirectory());
            assertEquals(again.context().sharedFiles(), left);
            assertTrue(orphans.stream().noneMatch(left::contains), "the failed attempt's files are gone");
        }
    }

    @Test
    void manySmallChangesWriteCheckpointsProportionalToTheChange() throws Exception {
        CheckpointStorage storage = new CheckpointStorage(tmp.resolve("job"), 1);
        KeyGroupRange all = KeyGroupRange.all(MAX_PARALLELISM);
        java.util.Random random = new java.util.Random(7);
        try (RocksDBKeyedStateBackend<Long> b = backend(all, true)) {
            KeyedValueState<VoidNamespace, byte[]> state = b.getValueState("big", StateSerializers.BYTES);
            byte[] value = new byte[500];
            for (long k = 0; k < 40_000; k++) {
                random.nextBytes(value);
                b.setCurrentKey(k);
                state.update(value.clone());
            }
            long full = Snapshots.snapshot(b).length;
            assertTrue(full > 20_000_000, "a full snapshot: " + full);
            int checkpoints = 30;
            int changedKeys = 100; // 0.25% of the keys, 50 KB of values
            List<Long> written = new ArrayList<>();
            for (int id = 1; id <= checkpoints; id++) {
                for (int i = 0; i < changedKeys; i++) {
                    random.nextBytes(value);
                    b.setCurrentKey((long) random.nextInt(40_000));
                    state.update(value.clone());
                }
                Taken t = checkpoint(b, id, storage.sharedDirectory());
                storage.write(id, List.of(new CheckpointStorage.NodeState("op", 0, 1, "op", "", t.bytes())),
                        t.context().sharedFiles());
                if (id > 1) { // the first uploads everything
                    written.add(b.lastSnapshotBytes());
                }
            }
            long total = written.stream().mapToLong(Long::longValue).sum();
            List<Long> sorted = new ArrayList<>(written);
            sorted.sort(null);
            long median = sorted.get(sorted.size() / 2);
            String figures = "full snapshot " + full + " bytes; incremental checkpoints 2.." + checkpoints + ": "
                    + written;
            System.out.println(figures);
            // most checkpoints write the change (a flushed memtable) and the handle ...
            assertTrue(median < 5L * changedKeys * value.length, "median " + median + "; " + figures);
            // ... and some also the files of a compaction RocksDB ran meanwhile, which rewrites part of the state
            assertTrue(total * 2 < (long) written.size() * full, "total " + total + "; " + figures);
        }
    }

    @Test
    void savepointsAndSnapshotsOutsideACheckpointAreFullSnapshots() throws Exception {
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            write(b, 0, 100, 1);
            CheckpointSnapshotContext savepoint = new CheckpointSnapshotContext(7, true, null);
            byte[] bytes = savepoint.call(() -> Snapshots.snapshot(b));
            assertFalse(IncrementalSnapshotHandle.isHandle(bytes));
            assertTrue(savepoint.sharedFiles().isEmpty());
            assertFalse(IncrementalSnapshotHandle.isHandle(Snapshots.snapshot(b)));
            try (HeapKeyedStateBackend<Long> heap = new HeapKeyedStateBackend<>(StateSerializers.LONG,
                    MAX_PARALLELISM, KeyGroupRange.all(MAX_PARALLELISM))) {
                heap.restore(streams(bytes));
                assertContent(values, lists, maps, heap, 100);
            }
        }
    }

    @Test
    void timersTravelInTheHandle() throws Exception {
        Path shared = tmp.resolve("job/shared");
        Taken taken;
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            TimerService<Long, VoidNamespace> timers = b.getTimerService("t", StateSerializers.VOID_NAMESPACE);
            for (long k = 0; k < 10; k++) {
                b.setCurrentKey(k);
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, 100 + k);
            }
            write(b, 0, 10, 1);
            taken = checkpoint(b, 1, shared);
        }
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            b.restore(streams(taken.bytes()));
            TimerService<Long, VoidNamespace> timers = b.getTimerService("t", StateSerializers.VOID_NAMESPACE);
            List<String> fired = new ArrayList<>();
            timers.advanceWatermark(104, (key, ns, time) -> fired.add(key + "@" + time));
            assertEquals(List.of("0@100", "1@101", "2@102", "3@103", "4@104"), fired);
            assertContent(values, lists, maps, b, 10);
        }
    }

    @Test
    void aMissingOrHalfWrittenSharedFileFailsTheRestore() throws Exception {
        Path shared = tmp.resolve("job/shared");
        Taken taken;
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            write(b, 0, 1_000, 1);
            taken = checkpoint(b, 1, shared);
        }
        String name = taken.context().sharedFiles().iterator().next();
        byte[] content = Files.readAllBytes(shared.resolve(name));
        Files.write(shared.resolve(name), java.util.Arrays.copyOf(content, content.length / 2));
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            IOException e = assertThrows(IOException.class, () -> b.restore(streams(taken.bytes())));
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("bytes, not"), e.getMessage());
        }
        Files.delete(shared.resolve(name));
        try (RocksDBKeyedStateBackend<Long> b = backend(KeyGroupRange.all(MAX_PARALLELISM), true)) {
            IOException e = assertThrows(IOException.class, () -> b.restore(streams(taken.bytes())));
            assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        }
        // the heap backend names the backend the state needs
        try (HeapKeyedStateBackend<Long> heap = new HeapKeyedStateBackend<>(StateSerializers.LONG, MAX_PARALLELISM,
                KeyGroupRange.all(MAX_PARALLELISM))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> heap.restore(streams(taken.bytes())));
            assertTrue(e.getMessage().contains("state.backend.type 'rocksdb'"), e.getMessage());
        }
    }

    private static Map<Long, List<String>> deepCopy(Map<Long, List<String>> m) {
        Map<Long, List<String>> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private static Map<Long, Map<String, Long>> deepCopyMaps(Map<Long, Map<String, Long>> m) {
        Map<Long, Map<String, Long>> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return copy;
    }

    /** Snapshots through the backend interface. */
    private static final class Snapshots {
        static byte[] snapshot(KeyedStateBackend<?> b) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            b.snapshot(out);
            return out.toByteArray();
        }
    }
}
