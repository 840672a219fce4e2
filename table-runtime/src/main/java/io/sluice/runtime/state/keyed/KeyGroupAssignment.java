package io.sluice.runtime.state.keyed;

/**
 * Maps keys to key groups and key groups to parallel instances. A key's group depends only on its hash and on
 * {@code pipeline.max-parallelism}, never on the parallelism, so state written per key group can be handed to
 * the instances of a job that runs at another parallelism. Instance {@code i} of {@code p} owns a contiguous
 * range of groups, and every exchange that routes keyed rows uses {@link #operatorIndexForKeyGroup} so rows
 * reach the instance that holds their state.
 */
public final class KeyGroupAssignment {
    /** The default of {@code pipeline.max-parallelism}. */
    public static final int DEFAULT_MAX_PARALLELISM = 128;
    /** The largest supported number of key groups (two bytes of a RocksDB key prefix). */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupAssignment() {
    }

    /** The key group of a key whose {@code hashCode} (or row hash) is {@code keyHash}. */
    public static int keyGroupFor(int keyHash, int maxParallelism) {
        return Math.floorMod(mix(keyHash), maxParallelism);
    }

    /** The parallel instance that owns {@code keyGroup}. */
    public static int operatorIndexForKeyGroup(int keyGroup, int maxParallelism, int parallelism) {
        return (int) ((long) keyGroup * parallelism / maxParallelism);
    }

    /** The key groups owned by instance {@code operatorIndex} of {@code parallelism}. */
    public static KeyGroupRange rangeForOperator(int maxParallelism, int parallelism, int operatorIndex) {
        checkParallelism(maxParallelism, parallelism);
        int start = (int) (((long) operatorIndex * maxParallelism + parallelism - 1) / parallelism);
        int end = (int) ((((long) operatorIndex + 1) * maxParallelism - 1) / parallelism);
        return new KeyGroupRange(start, end);
    }

    /** Rejects a parallelism above the number of key groups, which would leave instances without keys. */
    public static void checkParallelism(int maxParallelism, int parallelism) {
        if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("pipeline.max-parallelism must be between 1 and "
                    + UPPER_BOUND_MAX_PARALLELISM + ", was " + maxParallelism);
        }
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("The parallelism (" + parallelism
                    + ") must be between 1 and pipeline.max-parallelism (" + maxParallelism + ")");
        }
    }

    /** Spreads the bits of a hash (a murmur3 finaliser) so that hashes differing in high bits land apart. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
