package io.sluice.state.rocksdb;

import io.sluice.runtime.checkpoint.CheckpointSnapshotContext;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.state.keyed.KeyGroupRange;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Bytes a checkpoint writes, full versus incremental, for a RocksDB state of a few hundred MB that changes a little
 * between checkpoints (see BENCHMARKS.md). Loads {@code keys} keys of {@code valueBytes} random bytes, then takes
 * {@code checkpoints} checkpoints, each after updating {@code changed} random keys: once with full snapshots, once
 * incremental (into a real {@link CheckpointStorage} retaining one checkpoint, so subsumed files are deleted).
 *
 * <p>Arguments: {@code [work dir] [keys] [valueBytes] [checkpoints] [changed] [pause ms]}; the pause before each
 * checkpoint lets RocksDB's background compactions run as they would between checkpoints of a running job (their new
 * files are part of what the next incremental checkpoint writes).
 */
public final class IncrementalCheckpointBenchmark {
    private IncrementalCheckpointBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).resolve(
                "sluice-incremental-bench-" + System.nanoTime());
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        int valueBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int checkpoints = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int changed = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        long pause = args.length > 5 ? Long.parseLong(args[5]) : 1000;
        System.out.printf("state: %d keys x %d bytes = %.0f MB; %d checkpoints, %d keys changed and %d ms before"
                + " each%n", keys, valueBytes, keys * (double) valueBytes / 1e6, checkpoints, changed, pause);
        try {
            for (boolean incremental : new boolean[] {false, true}) {
                run(work.resolve(incremental ? "incremental" : "full"), incremental, keys, valueBytes, checkpoints,
                        changed, pause);
            }
        } finally {
            RocksDBFiles.deleteRecursively(work);
        }
    }

    private static void run(Path dir, boolean incremental, int keys, int valueBytes, int checkpoints, int changed,
            long pause) throws Exception {
        Random random = new Random(42);
        CheckpointStorage storage = new CheckpointStorage(dir.resolve("checkpoints"), 1);
        try (RocksDBKeyedStateBackend<Long> b = new RocksDBKeyedStateBackend<>(StateSerializers.LONG, 128,
                KeyGroupRange.all(128), Files.createDirectories(dir.resolve("local")), incremental)) {
            KeyedValueState<VoidNamespace, byte[]> state = b.getValueState("v", StateSerializers.BYTES);
            byte[] value = new byte[valueBytes];
            for (long k = 0; k < keys; k++) {
                random.nextBytes(value);
                b.setCurrentKey(k);
                state.update(value.clone());
            }
            String mode = incremental ? "incremental" : "full";
            long total = 0;
            long afterFirst = 0;
            for (int id = 1; id <= checkpoints; id++) {
                for (int i = 0; i < changed; i++) {
                    random.nextBytes(value);
                    b.setCurrentKey((long) random.nextInt(keys));
                    state.update(value.clone());
                }
                Thread.sleep(pause);
                long start = System.nanoTime();
                CheckpointSnapshotContext context = new CheckpointSnapshotContext(id, false,
                        storage.sharedDirectory());
                byte[] handle = context.call(() -> {
                    if (!incremental) { // a full snapshot's bytes are only counted, not kept
                        b.snapshot(OutputStream.nullOutputStream());
                        return new byte[0];
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    b.snapshot(out);
                    return out.toByteArray();
                });
                storage.write(id, List.of(new CheckpointStorage.NodeState("op", 0, 1, "op", "", handle)),
                        context.sharedFiles());
                long millis = (System.nanoTime() - start) / 1_000_000;
                total += b.lastSnapshotBytes();
                afterFirst += id > 1 ? b.lastSnapshotBytes() : 0;
                System.out.printf("%s checkpoint %2d: %,13d bytes written, %5d ms, shared directory %,13d bytes%n",
                        mode, id, b.lastSnapshotBytes(), millis, size(storage.sharedDirectory()));
            }
            System.out.printf("%s: %,d bytes written over %d checkpoints; checkpoints 2..%d: %,d per checkpoint%n",
                    mode, total, checkpoints, checkpoints, afterFirst / Math.max(1, checkpoints - 1));
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            long n = 0;
            for (Path f : files.toList()) {
                n += Files.size(f);
            }
            return n;
        }
    }
}
