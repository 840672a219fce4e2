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
        SINGLE,
        /**
         * By key group: the single key column holds an INT key hash (a key's {@code hashCode()}), and each row goes
         * to the instance owning {@code KeyGroupAssignment.keyGroupFor(hash)}, where its keyed state lives.
         */
        KEY_GROUP,
        /** Spread round-robin over the consumer's instances (the DataStream API's {@code rebalance()}). */
        REBALANCE,
        /** Every row to every instance of the consumer (the DataStream API's broadcast streams). */
        BROADCAST,
        /**
         * Each producer instance spreads round-robin over its own subset of the consumer's instances: one to one at
         * equal parallelism, else neighbouring instances share consumers (the DataStream API's {@code rescale()}).
         */
        RESCALE,
        /**
         * The single key column holds the index of the consumer instance a row goes to, chosen by the producer
         * (the DataStream API's {@code partitionCustom}).
         */
        CUSTOM
    }

    private static final InputPartitioning FORWARD = new InputPartitioning(Kind.FORWARD, new int[0]);
    private static final InputPartitioning REBALANCE = new InputPartitioning(Kind.REBALANCE, new int[0]);
    private static final InputPartitioning BROADCAST = new InputPartitioning(Kind.BROADCAST, new int[0]);
    private static final InputPartitioning RESCALE = new InputPartitioning(Kind.RESCALE, new int[0]);
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

    /**
     * Key-group partitioning on the INT column {@code keyHashColumn}: a row reaches the instance that owns the key
     * group of its hash ({@link io.sluice.runtime.state.keyed.KeyGroupAssignment}), as keyed state requires.
     */
    public static InputPartitioning keyGroups(int keyHashColumn) {
        return new InputPartitioning(Kind.KEY_GROUP, new int[] {keyHashColumn});
    }

    /** Every row to every instance of the consumer. */
    public static InputPartitioning broadcast() {
        return BROADCAST;
    }

    /** Round-robin over the consumer's instances, also when producer and consumer have the same parallelism. */
    public static InputPartitioning rebalance() {
        return REBALANCE;
    }

    /** Round-robin over a subset of the consumer's instances per producer instance (pointwise). */
    public static InputPartitioning rescale() {
        return RESCALE;
    }

    /** To the consumer instance whose index the INT column {@code targetColumn} holds. */
    public static InputPartitioning custom(int targetColumn) {
        return new InputPartitioning(Kind.CUSTOM, new int[] {targetColumn});
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
        return kind == Kind.HASH || kind == Kind.KEY_GROUP || kind == Kind.CUSTOM
                ? kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + Arrays.toString(keys) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
