package io.sluice.runtime.state.keyed;

/**
 * A contiguous range of key groups {@code [startKeyGroup, endKeyGroup]} (both inclusive) owned by one parallel
 * operator instance. Empty when {@code endKeyGroup < startKeyGroup}.
 */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) {

    /** The range of every key group of a job with {@code maxParallelism} key groups. */
    public static KeyGroupRange all(int maxParallelism) {
        return new KeyGroupRange(0, maxParallelism - 1);
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    public int size() {
        return Math.max(0, endKeyGroup - startKeyGroup + 1);
    }

    /** The intersection with {@code other} (possibly empty). */
    public KeyGroupRange intersect(KeyGroupRange other) {
        return new KeyGroupRange(Math.max(startKeyGroup, other.startKeyGroup), Math.min(endKeyGroup, other.endKeyGroup));
    }

    @Override
    public String toString() {
        return "KeyGroupRange{" + startKeyGroup + ".." + endKeyGroup + "}";
    }
}
