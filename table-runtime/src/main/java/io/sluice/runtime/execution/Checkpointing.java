package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointSnapshotContext;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.checkpoint.StateFileOutput;
import io.sluice.runtime.state.AsyncCheckpointedOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.StateSnapshot;
import io.sluice.runtime.state.StateWriter;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's checkpointing: when the next checkpoint is due, taking it from the job's nodes (source
 * positions, operator state, sinks' prepared commits) into {@link CheckpointStorage}, telling sinks it
 * is complete, and finding the checkpoint a (re)started job restores.
 */
final class Checkpointing {
    private final Duration interval;
    /** The least time between a checkpoint's completion and the next one's start. */
    private final long minPauseMillis;
    /** When the last checkpoint was written (completed). */
    private volatile long lastCompletedTime;
    private final CheckpointStorage storage;
    private final CheckpointStorage.Checkpoint initial;
    private long nextId = 1;
    /** The snapshot context of each checkpoint being taken, by id (its instances register shared files there). */
    private final java.util.concurrent.ConcurrentHashMap<Long, CheckpointSnapshotContext> contexts =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * When the last checkpoint was triggered. As in Flink (one checkpoint at a time, no minimum pause), the next one
     * is due an interval after the previous one was triggered, or as soon as it completed if that took longer.
     */
    private long lastCheckpointTime = System.currentTimeMillis();

    private Checkpointing(Duration interval, long minPauseMillis, CheckpointStorage storage,
            CheckpointStorage.Checkpoint initial) {
        this.interval = interval;
        this.minPauseMillis = minPauseMillis;
        this.storage = storage;
        this.initial = initial;
        if (initial != null) {
            nextId = initial.id() + 1;
        }
    }

    /** Reads the options; checkpoints are only taken in streaming mode. */
    static Checkpointing from(Configuration config, String jobId, boolean streaming) {
        Duration interval = streaming && config.contains(CheckpointingOptions.INTERVAL)
                ? config.get(CheckpointingOptions.INTERVAL) : null;
        if (interval != null && interval.isZero()) {
            interval = null;
        }
        String dir = config.contains(CheckpointingOptions.DIRECTORY) ? config.get(CheckpointingOptions.DIRECTORY)
                : Path.of(System.getProperty("java.io.tmpdir"), "sluice-checkpoints").toString();
        CheckpointStorage storage = new CheckpointStorage(Path.of(dir).resolve(jobId),
                config.get(CheckpointingOptions.NUM_RETAINED));
        CheckpointStorage.Checkpoint initial = config.contains(CheckpointingOptions.SAVEPOINT_PATH)
                ? CheckpointStorage.read(Path.of(config.get(CheckpointingOptions.SAVEPOINT_PATH))) : null;
        return new Checkpointing(interval, config.get(CheckpointingOptions.MIN_PAUSE).toMillis(), storage, initial);
    }

    boolean enabled() {
        return interval != null;
    }

    /** The checkpoint the first run restores ({@code execution.savepoint.path}), or null. */
    CheckpointStorage.Checkpoint initialRestore() {
        return initial;
    }

    /** After a failure: the newest checkpoint of this job, else the initial one, else null (start over). */
    CheckpointStorage.Checkpoint latestOrInitial() throws Exception {
        var latest = storage.latest();
        return latest.isPresent() ? CheckpointStorage.read(latest.get()) : initial;
    }

    boolean due() {
        long now = System.currentTimeMillis();
        return interval != null && now - lastCheckpointTime >= interval.toMillis()
                && now - lastCompletedTime >= minPauseMillis;
    }

    /** The id the next checkpoint will get, without taking it. */
    long peekNextCheckpointId() {
        return nextId;
    }

    /** The next checkpoint id (for executors that collect the states themselves); the interval restarts now. */
    long nextCheckpointId() {
        lastCheckpointTime = System.currentTimeMillis();
        return nextId++;
    }

    /** Writes a checkpoint collected by an executor. */
    Path write(long id, List<CheckpointStorage.NodeState> states) throws Exception {
        return write(id, states, java.util.Map.of());
    }

    /**
     * Writes a checkpoint collected by an executor, where the states at the indexes of {@code written} were
     * streamed into their files by {@link #writeAsync}.
     */
    Path write(long id, List<CheckpointStorage.NodeState> states,
            java.util.Map<Integer, StateFileOutput.Written> written) throws Exception {
        CheckpointSnapshotContext context = contexts.remove(id);
        contexts.keySet().removeIf(older -> older < id);
        Path path = storage.write(id, states, context == null ? java.util.Set.of() : context.sharedFiles(), written);
        lastCompletedTime = System.currentTimeMillis();
        return path;
    }

    /** Starts checkpoint {@code id} (not a savepoint): its in-progress directory, where asynchronous parts write. */
    void begin(long id) throws Exception {
        storage.begin(id);
    }

    /**
     * Checkpoint {@code id} failed and will not complete: deletes what it wrote (shared files it uploaded are
     * deleted once a later checkpoint completes without them).
     */
    void abort(long id) throws Exception {
        contexts.remove(id);
        storage.abort(id);
    }

    /**
     * The synchronous part of an operator's snapshot for checkpoint {@code id}, on the instance's task thread:
     * {@code prepareSnapshotPreBarrier}, then the frozen state of an {@link AsyncCheckpointedOperator}, or null when
     * the instance is not one (the caller then takes {@link #snapshot(SourceReader, StreamOperator, String, long,
     * boolean) a synchronous snapshot}).
     */
    StateSnapshot snapshotAsync(StreamOperator operator, long id) throws Exception {
        if (!(operator instanceof AsyncCheckpointedOperator) || operator instanceof SinkOperator) {
            return null;
        }
        CheckpointSnapshotContext context = contexts.computeIfAbsent(id,
                i -> new CheckpointSnapshotContext(i, false, storage.sharedDirectory()));
        operator.prepareSnapshotPreBarrier(id);
        return context.call(() -> ((AsyncCheckpointedOperator) operator).snapshotStateAsync());
    }

    /**
     * The asynchronous part, on a background thread: streams {@code snapshot} into the file of the {@code index}-th
     * state of checkpoint {@code id} and releases it; returns the file's length and CRC-32.
     */
    StateFileOutput.Written writeAsync(long id, int index, StateSnapshot snapshot) throws Exception {
        try (snapshot) {
            CheckpointSnapshotContext context = contexts.computeIfAbsent(id,
                    i -> new CheckpointSnapshotContext(i, false, storage.sharedDirectory()));
            return context.call(() -> {
                Path file = storage.stateFile(id, index);
                try (StateFileOutput out = new StateFileOutput(file)) {
                    StateWriter writer = new StateWriter(out);
                    snapshot.write(writer);
                    writer.flush();
                    return out.finish();
                }
            });
        }
    }

    /** Fails when {@code operator} (null for a source) keeps state but cannot save it. */
    static void requireCheckpointable(StreamOperator operator, String name) {
        if (operator != null && !operator.isStateless() && !(operator instanceof CheckpointedOperator)) {
            throw new UnsupportedFeatureException("checkpointing the state of operator '" + name
                    + "'; unset execution.checkpointing.interval to run this query");
        }
    }

    /**
     * Writes savepoint {@code id} of states collected by an executor under {@code directory}: a new
     * {@code savepoint-<random>} folder holding {@code chk-<id>} in the checkpoint format. Returns the
     * path to give {@code execution.savepoint.path}.
     */
    Path writeSavepoint(long id, List<CheckpointStorage.NodeState> states, Path directory) throws Exception {
        contexts.remove(id);
        CheckpointStorage target = new CheckpointStorage(directory.resolve("savepoint-"
                + java.util.UUID.randomUUID().toString().substring(0, 8)), 1);
        return target.write(id, states);
    }

    /**
     * Like {@link #snapshot(SourceReader, StreamOperator, String, long)}, with the {@link CheckpointSnapshotContext}
     * of checkpoint {@code id} set, so that state backends can write incremental snapshots into the job's shared
     * directory (savepoints: full ones). Called on the instance's task thread.
     */
    byte[] snapshot(SourceReader reader, StreamOperator operator, String name, long id, boolean savepoint)
            throws Exception {
        CheckpointSnapshotContext context = contexts.computeIfAbsent(id,
                i -> new CheckpointSnapshotContext(i, savepoint, savepoint ? null : storage.sharedDirectory()));
        return context.call(() -> snapshot(reader, operator, name, id));
    }

    /**
     * The checkpoint state of one running instance: a source's position, a sink's prepared commit, an
     * operator's state (null for a stateless operator).
     */
    static byte[] snapshot(SourceReader reader, StreamOperator operator, String name, long id) throws Exception {
        if (reader != null) {
            reader.prepareSnapshot(id);
            byte[] position = reader.snapshotPosition();
            if (position == null) {
                throw new UnsupportedFeatureException("checkpointing the source '" + name + "': its reader"
                        + " cannot resume from a position");
            }
            return position;
        }
        if (operator != null) {
            operator.prepareSnapshotPreBarrier(id);
        }
        if (operator instanceof SinkOperator) {
            return ((SinkOperator) operator).snapshotState(id);
        }
        if (operator instanceof CheckpointedOperator) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateWriter out = new StateWriter(bytes);
            ((CheckpointedOperator) operator).snapshotState(out);
            out.flush();
            return bytes.toByteArray();
        }
        return null;
    }
}
