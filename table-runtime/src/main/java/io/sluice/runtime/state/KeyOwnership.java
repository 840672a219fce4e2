package io.sluice.runtime.state;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import org.apache.arrow.vector.FieldVector;

/**
 * Which keys one parallel instance owns when it restores state taken at another parallelism: the keys that the
 * exchange feeding it now routes to it. A hash exchange sends a row to {@link #hashTarget} of its key columns'
 * {@link #keyHash}; a key-group exchange sends it to the instance owning the key group of its key hash. An
 * operator that holds keyed state and restores at another parallelism ({@link RescalableOperator}) keeps exactly
 * the entries whose keys this object accepts, so rows for a key keep meeting their state.
 */
public final class KeyOwnership {
    /** How rows reach the restoring instance. */
    public enum Routing {
        /** Every key (the instance is the only one). */
        ALL,
        /** By {@link #hashTarget} of the hash of the input's key columns. */
        HASH,
        /** By the key group of an INT key-hash column ({@link KeyGroupAssignment}). */
        KEY_GROUP
    }

    private final Routing routing;
    private final int subtask;
    private final int parallelism;
    private final int maxParallelism;
    private final int[][] inputKeys;

    private KeyOwnership(Routing routing, int subtask, int parallelism, int maxParallelism, int[][] inputKeys) {
        this.routing = routing;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.inputKeys = inputKeys;
    }

    /** The only instance: it owns every key. {@code inputKeys[i]} are input i's key columns (may be empty). */
    public static KeyOwnership all(int[][] inputKeys) {
        return new KeyOwnership(Routing.ALL, 0, 1, KeyGroupAssignment.DEFAULT_MAX_PARALLELISM, inputKeys);
    }

    /** Instance {@code subtask} of {@code parallelism}, fed by hash exchanges on {@code inputKeys[i]} per input. */
    public static KeyOwnership hash(int subtask, int parallelism, int[][] inputKeys) {
        return new KeyOwnership(Routing.HASH, subtask, parallelism, KeyGroupAssignment.DEFAULT_MAX_PARALLELISM,
                inputKeys);
    }

    /** Instance {@code subtask} of {@code parallelism}, fed by key-group exchanges over {@code maxParallelism} groups. */
    public static KeyOwnership keyGroups(int subtask, int parallelism, int maxParallelism, int[][] inputKeys) {
        return new KeyOwnership(Routing.KEY_GROUP, subtask, parallelism, maxParallelism, inputKeys);
    }

    public Routing routing() {
        return routing;
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The key columns of input {@code input} that the exchange hashes, in its order. */
    public int[] inputKeys(int input) {
        return inputKeys[input].clone();
    }

    /** Whether a key whose {@link #keyHash} is {@code hash} belongs to this instance. */
    public boolean ownsHash(int hash) {
        switch (routing) {
            case HASH:
                return hashTarget(hash, parallelism) == subtask;
            case KEY_GROUP:
                return KeyGroupAssignment.operatorIndexForKeyGroup(
                        KeyGroupAssignment.keyGroupFor(hash, maxParallelism), maxParallelism, parallelism) == subtask;
            default:
                return true;
        }
    }

    /**
     * Whether row {@code row} of {@code batch} belongs to this instance, where {@code columns[k]} is the column of
     * {@code batch} holding the k-th key column of input {@code input} (for a batch of whole input rows,
     * {@code columns} is {@link #inputKeys}).
     */
    public boolean owns(RowBatch batch, int[] columns, int row) {
        if (routing == Routing.ALL) {
            return true;
        }
        if (routing == Routing.KEY_GROUP) {
            FieldVector v = batch.vector(columns[0]);
            return ownsHash(v.isNull(row) ? 0 : ((org.apache.arrow.vector.IntVector) v).get(row));
        }
        int h = 0;
        for (int c : columns) {
            h = 31 * h + batch.vector(c).hashCode(row);
        }
        return ownsHash(h);
    }

    /**
     * Owned rows of {@code batch}: {@code owned[r]} for each of its rows (see {@link #owns}); {@code batchColumns}
     * holds, per column of the batch, the input column it is (e.g. an operator's group fields), and the input's
     * key columns must all be among them.
     */
    public boolean[] ownedRows(RowBatch batch, int[] batchColumns, int input) {
        int[] keys = inputKeys[input];
        int[] columns = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            columns[k] = indexOf(batchColumns, keys[k]);
            if (columns[k] < 0 && routing != Routing.ALL) {
                throw new io.sluice.table.api.UnsupportedFeatureException("restoring state at another parallelism"
                        + " when the exchange's key column " + keys[k] + " is not part of the state's keys");
            }
        }
        boolean[] owned = new boolean[batch.rowCount()];
        for (int r = 0; r < owned.length; r++) {
            owned[r] = owns(batch, columns, r);
        }
        return owned;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The hash of row {@code row} over key columns {@code vectors}, as a hash exchange computes it (column by column,
     * {@code 31 * h + hashCode}).
     */
    public static int keyHash(FieldVector[] vectors, int row) {
        int h = 0;
        for (FieldVector v : vectors) {
            h = 31 * h + v.hashCode(row);
        }
        return h;
    }

    /** The instance of {@code targets} a hash exchange sends a row with key hash {@code hash} to. */
    public static int hashTarget(int hash, int targets) {
        int h = hash;
        h ^= (h >>> 16);
        h *= 0x85ebca6b;
        h ^= (h >>> 13);
        return Math.floorMod(h, targets);
    }
}
