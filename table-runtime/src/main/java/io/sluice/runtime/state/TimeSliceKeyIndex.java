package io.sluice.runtime.state;

import io.sluice.runtime.state.keyed.KeyGroupAssignment;
import io.sluice.runtime.state.keyed.KeyedMapState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An index of the keys of a SQL operator's keyed-state backend by a time at which their state needs attention (the
 * time their rows leave an interval join, the earliest end of their open sessions), so that a watermark reads only
 * the keys whose time it passed, never every key.
 *
 * <p><b>Layout.</b> Times are cut into slices of {@code granularity} milliseconds and keys into {@link #BUCKETS}
 * buckets by their hash. Each (index id, time slice, bucket) is one key of the backend, holding in map state
 * {@code stateName} the serialized keys registered there. The heap keeps only which (time slice, bucket) hold keys,
 * one bit each. Several indexes of one operator (an interval join's two sides) share the map state and differ by
 * their id.
 *
 * <p>A key may be registered at a time earlier than the one it ends up needing (a session that grew) or at several
 * times: {@link #sweep} hands each registered key to the caller, who says whether the key still has something in
 * that slice, and may register it again elsewhere.
 */
public final class TimeSliceKeyIndex {
    /** Hash buckets per time slice (a power of two, at most 64: one {@code long} of bits per slice). */
    public static final int BUCKETS = 64;
    private static final byte[] PRESENT = {1};

    private final KeyedStateBackend<RoutedKey> backend;
    private final String stateName;
    private final byte id;
    private final long granularity;
    private final int maxParallelism;
    /** The time slices (time / granularity) holding keys, with their hash buckets' bits. */
    private final TreeMap<Long, Long> slices = new TreeMap<>();
    private KeyedMapState<VoidNamespace, byte[], byte[]> index;

    /** Visits a key of a swept slice. */
    @FunctionalInterface
    public interface Sweeper {
        /**
         * Handles {@code key} (registered in the slice ending before {@code sliceEnd}); returns true when the key has
         * nothing left in that slice (it then leaves the slice's index). May change the backend's current key.
         */
        boolean sweep(RoutedKey key, long sliceEnd) throws Exception;
    }

    /**
     * An index kept in {@code backend}'s map state {@code stateName} (shared by the indexes of one operator, told apart
     * by {@code id}), with time slices of {@code granularity} milliseconds.
     */
    public TimeSliceKeyIndex(KeyedStateBackend<RoutedKey> backend, String stateName, int id, long granularity) {
        if (granularity <= 0) {
            throw new IllegalArgumentException("granularity must be positive: " + granularity);
        }
        this.backend = backend;
        this.stateName = stateName;
        this.id = (byte) id;
        this.granularity = granularity;
        this.maxParallelism = backend.maxParallelism();
    }

    private KeyedMapState<VoidNamespace, byte[], byte[]> index() {
        if (index == null) {
            index = backend.getMapState(stateName, StateSerializers.BYTES, StateSerializers.BYTES);
        }
        return index;
    }

    /** The serialized form of a key in the index: its hash, then its bytes. */
    private static byte[] serializedKey(RoutedKey key) {
        return ByteBuffer.allocate(4 + key.bytes.length).putInt(key.hash).put(key.bytes).array();
    }

    private static RoutedKey keyOf(byte[] serialized) {
        return new RoutedKey(RoutedKey.hashOf(serialized), Arrays.copyOfRange(serialized, 4, serialized.length));
    }

    private static int hashBucket(RoutedKey key) {
        int h = key.hash * 0x9E3779B9;
        return (h >>> 16) & (BUCKETS - 1);
    }

    /** Makes the index entry of (id, time slice, bucket) the backend's current key. */
    private void selectSlice(long slice, int bucket) {
        byte[] bytes = ByteBuffer.allocate(11).put(id).putLong(slice).putShort((short) bucket).array();
        int hash = 31 * (31 * id + Long.hashCode(slice)) + bucket;
        backend.setCurrentKey(new RoutedKey(hash, bytes), KeyGroupAssignment.keyGroupFor(hash, maxParallelism));
    }

    /** The first time after the slice of {@code time}. */
    public long sliceEnd(long time) {
        return (Math.floorDiv(time, granularity) + 1) * granularity;
    }

    /** Registers {@code key} at {@code time} (changes the backend's current key). */
    public void register(long time, RoutedKey key) {
        long slice = Math.floorDiv(time, granularity);
        int bucket = hashBucket(key);
        selectSlice(slice, bucket);
        index().put(serializedKey(key), PRESENT);
        slices.merge(slice, 1L << bucket, (a, b) -> a | b);
    }

    /** True when no key is registered. */
    public boolean isEmpty() {
        return slices.isEmpty();
    }

    /**
     * Hands every key registered at a time before {@code before} (every key when {@code all}) to {@code sweeper},
     * slice by slice in time order. A slice wholly before {@code before} (or every slice, when {@code all}) is
     * dropped afterwards; in the slice {@code before} falls into, the keys the sweeper did not finish stay. The
     * sweeper may register a key again at a later slice (swept in this same call if it is before {@code before}),
     * never in the slice being swept: it returns false instead.
     */
    public void sweep(long before, boolean all, Sweeper sweeper) throws Exception {
        while (!slices.isEmpty()) {
            Map.Entry<Long, Long> s = slices.firstEntry();
            long slice = s.getKey();
            long sliceStart = slice * granularity;
            if (!all && sliceStart >= before) {
                return;
            }
            boolean whole = all || sliceStart + granularity <= before;
            long bits = s.getValue();
            long remaining = 0;
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if ((bits & (1L << bucket)) != 0 && !sweepBucket(slice, bucket, sweeper)) {
                    remaining |= 1L << bucket;
                }
            }
            if (whole || remaining == 0) {
                slices.remove(slice);
            } else {
                slices.put(slice, remaining);
                return; // the slice the sweep ends in
            }
        }
    }

    /** Sweeps the keys of one index entry; returns whether it is now empty. */
    private boolean sweepBucket(long slice, int bucket, Sweeper sweeper) throws Exception {
        selectSlice(slice, bucket);
        List<byte[]> names = new ArrayList<>();
        for (byte[] name : index().keys()) {
            names.add(name);
        }
        long sliceEnd = (slice + 1) * granularity;
        List<byte[]> done = new ArrayList<>();
        for (byte[] name : names) {
            if (sweeper.sweep(keyOf(name), sliceEnd)) {
                done.add(name);
            }
        }
        selectSlice(slice, bucket);
        if (done.size() == names.size()) {
            index().clear();
            return true;
        }
        for (byte[] name : done) {
            index().remove(name);
        }
        return false;
    }

    /**
     * After a restore at another parallelism: removes from the index every key {@code owned} does not accept, after
     * {@code clearKey} deleted its state (called with the key as the backend's current key).
     */
    public void dropUnowned(KeyOwnership owned, Consumer<RoutedKey> clearKey) {
        for (Map.Entry<Long, Long> s : slices.entrySet()) {
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                if ((s.getValue() & (1L << bucket)) == 0) {
                    continue;
                }
                selectSlice(s.getKey(), bucket);
                List<byte[]> names = new ArrayList<>();
                for (byte[] name : index().keys()) {
                    names.add(name);
                }
                for (byte[] name : names) {
                    if (!owned.ownsHash(RoutedKey.hashOf(name))) {
                        RoutedKey key = keyOf(name);
                        backend.setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hash, maxParallelism));
                        clearKey.accept(key);
                        selectSlice(s.getKey(), bucket);
                        index().remove(name);
                    }
                }
            }
        }
    }

    /** Writes the heap part (the slices' bucket bits); the entries are in the backend's snapshot. */
    public void write(StateWriter w) throws IOException {
        w.writeInt(slices.size());
        for (Map.Entry<Long, Long> e : slices.entrySet()) {
            w.writeLong(e.getKey());
            w.writeLong(e.getValue());
        }
    }

    /** Reads what {@link #write} wrote, merged into this index (restores read one snapshot per old instance). */
    public void read(StateReader r) throws IOException {
        int n = r.readInt();
        for (int i = 0; i < n; i++) {
            long slice = r.readLong();
            slices.merge(slice, r.readLong(), (a, b) -> a | b);
        }
    }
}
