package io.sluice.runtime.execution;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores one instance of a node whose state a checkpoint or savepoint holds for another number of instances
 * (a job rescaled between a savepoint and its restart). A source reader gets every old
 * reader's position and takes over its share ({@link SourceReader#restoreRescaledPositions}); a keyed operator
 * ({@link RescalableOperator}) gets every old instance's state and keeps the keys the exchange now routes to it
 * ({@link KeyOwnership}); a sink instance publishes what the old instances {@code i} with
 * {@code i % instances == subtask} prepared. Anything else fails with "not supported yet".
 */
final class RescaledRestore {
    private RescaledRestore() {
    }

    /**
     * The saved instances of {@code uid} in subtask order when {@code checkpoint} holds its state for another
     * number of instances than {@code instances}; null when it holds none or holds it for as many.
     */
    static List<CheckpointStorage.NodeState> rescaledStates(CheckpointStorage.Checkpoint checkpoint, String uid,
            int instances) {
        if (checkpoint == null) {
            return null;
        }
        List<CheckpointStorage.NodeState> states = checkpoint.statesOf(uid);
        if (states.isEmpty() || states.get(0).parallelism() == instances) {
            return null;
        }
        boolean any = false;
        for (CheckpointStorage.NodeState s : states) {
            any |= s.data() != null;
        }
        return any ? states : null;
    }

    /** Restores a source reader (before it is opened) from the positions of every old reader. */
    static void restoreSource(SourceReader reader, List<CheckpointStorage.NodeState> states) throws Exception {
        List<byte[]> positions = new ArrayList<>();
        for (CheckpointStorage.NodeState s : states) {
            positions.add(s.data());
        }
        reader.restoreRescaledPositions(positions);
    }

    /** Restores a sink instance: it publishes what the old instances it takes over prepared. */
    static void restoreSink(SinkOperator sink, List<CheckpointStorage.NodeState> states, int subtask, int instances)
            throws Exception {
        for (CheckpointStorage.NodeState s : states) {
            if (s.data() != null && s.subtask() % instances == subtask) {
                sink.restoreState(s.data());
            }
        }
    }

    /** Restores an operator instance (opened) from the states of every old instance. */
    static void restoreOperator(StreamOperator operator, Transformation t, List<CheckpointStorage.NodeState> states,
            int subtask, int instances, int maxParallelism) throws Exception {
        if (operator.isStateless()) {
            return; // it saved no more than that it has no state
        }
        if (!(operator instanceof RescalableOperator)) {
            throw new UnsupportedFeatureException(notRescalable(t.name(), states.get(0).parallelism(), instances)
                    + "; set parallelism.default to the value it was taken with");
        }
        List<StateReader> snapshots = new ArrayList<>();
        for (CheckpointStorage.NodeState s : states) {
            if (s.data() != null) {
                snapshots.add(new StateReader(new ByteArrayInputStream(s.data())));
            }
        }
        RescalableOperator rescalable = (RescalableOperator) operator;
        rescalable.restoreRescaled(snapshots, rescalable.needsKeyOwnership()
                ? ownership(t, subtask, instances, maxParallelism) : null);
    }

    /** The text of the error for an operator that cannot restore its state at another parallelism. */
    static String notRescalable(String operator, int from, int to) {
        return "restoring " + operator + " at another parallelism (its state was taken with " + from
                + " instances, the job runs " + to + ")";
    }

    /** Whether {@code operator} (a new, unopened instance) can restore state taken at another parallelism. */
    static boolean canRescale(StreamOperator operator) {
        return operator == null || operator instanceof RescalableOperator
                || !(operator instanceof CheckpointedOperator) || operator.isStateless();
    }

    /** The keys instance {@code subtask} of {@code instances} of node {@code t} owns: those its exchanges route to it. */
    static KeyOwnership ownership(Transformation t, int subtask, int instances, int maxParallelism) {
        int n = t.inputs().size();
        int[][] keys = new int[n][];
        InputPartitioning.Kind kind = null;
        for (int i = 0; i < n; i++) {
            InputPartitioning p = t.inputPartitioning(i);
            keys[i] = p.kind() == InputPartitioning.Kind.HASH || p.kind() == InputPartitioning.Kind.KEY_GROUP
                    ? p.keys() : new int[0];
            if (instances > 1) {
                if (p.kind() != InputPartitioning.Kind.HASH && p.kind() != InputPartitioning.Kind.KEY_GROUP
                        || kind != null && kind != p.kind()) {
                    throw new UnsupportedFeatureException("restoring " + t.name() + " at another parallelism: its"
                            + " input " + i + " is not partitioned by key");
                }
                kind = p.kind();
            }
        }
        if (instances <= 1) {
            return KeyOwnership.all(keys);
        }
        return kind == InputPartitioning.Kind.KEY_GROUP
                ? KeyOwnership.keyGroups(subtask, instances, maxParallelism, keys)
                : KeyOwnership.hash(subtask, instances, keys);
    }
}
