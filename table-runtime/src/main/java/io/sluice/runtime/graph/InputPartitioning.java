package io.sluice.runtime.graph;

import java.util.Arrays;

/**
 * How the rows of one input reach the parallel instances of a job graph node: from the instance of
 * the same index ({@link Kind#FORWARD}, the default), by a hash of key columns so that equal keys meet
 * in one instance ({@link Kind#HASH}), or all to a single instance ({@link Kind#SINGLE}, for global
 * aggregates, sorts and limits).
 */
public final class InputPartitioning {
    /** The kinds of partitioning. */
    public enum Kind {
        FORWARD,
        HASH,
        SINGLE
    }

    private static final InputPartitioning FORWARD = new InputPartitioning(Kind.FORWARD, new int[0]);
    private static final InputPartitioning SINGLE = new InputPartitioning(Kind.SINGLE, new int[0]);

    private final Kind kind;
    private final int[] keys;

    private InputPartitioning(Kind kind, int[] keys) {
        this.kind = kind;
        this.keys = keys;
    }

    public static InputPartitioning forward() {
        return FORWARD;
    }

    public static InputPartitioning single() {
        return SINGLE;
    }

    /** Hash partitioning on {@code keys}; no keys means a single instance. */
    public static InputPartitioning hash(int[] keys) {
        return keys.length == 0 ? SINGLE : new InputPartitioning(Kind.HASH, keys.clone());
    }

    public Kind kind() {
        return kind;
    }

    /** The key columns of a hash partitioning. */
    public int[] keys() {
        return keys.clone();
    }

    @Override
    public String toString() {
        return kind == Kind.HASH ? "hash" + Arrays.toString(keys) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
