package io.sluice.runtime.operator.keys;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The fast path of {@link KeyHashTable} for a key of one integral column (TINYINT .. BIGINT, DATE,
 * TIME, TIMESTAMP, TIMESTAMP_LTZ, the interval types). Keys live in primitive arrays: the open-addressing
 * slots hold the key itself next to its group id, so a probe compares two {@code long}s with no call and
 * no indirection; {@code keys[g]} holds the key of group {@code g}. The NULL key, when the column is
 * null-safe, is a group of its own kept outside the slots.
 *
 * <p>A batch is processed in two typed passes: the key column is widened into a {@code long[]} by a loop
 * specialised for its byte width, then one probe loop (a variant without NULL checks when the batch has
 * no NULL key) maps the values to ids. Keys are written into the Arrow vector of the {@link KeyColumn}
 * only when {@link #stored()} is asked for, from the groups not written yet.
 */
final class IntegralKeyIndex {
    private static final int EMPTY = -1;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final BaseFixedWidthVector store;
    private final int width;
    private final boolean nullSafe;
    private long[] slotKeys;
    private int[] slotGroups;
    private int mask;
    private int shift;
    private long[] keys = new long[64];
    private int size;
    private int nullGroup = EMPTY;
    private int materialized;
    private long[] batchKeys = new long[0];

    IntegralKeyIndex(FieldVector store, boolean nullSafe) {
        this.store = (BaseFixedWidthVector) store;
        this.width = this.store.getTypeWidth();
        this.nullSafe = nullSafe;
        allocateSlots(128);
    }

    int size() {
        return size;
    }

    /** Writes the id of the key of every row of {@code in} into {@code ids}; see {@link KeyHashTable}. */
    void probe(FieldVector in, int rows, int[] ids, boolean insert) {
        if (batchKeys.length < rows) {
            batchKeys = new long[Math.max(rows, 2 * batchKeys.length)];
        }
        long[] values = batchKeys;
        widen(in, rows, values);
        if (in.getValueCount() >= rows && in.getNullCount() == 0) {
            probeNonNull(values, rows, ids, insert);
        } else {
            probeNullable(in.getValidityBuffer(), values, rows, ids, insert);
        }
    }

    /** Copies rows {@code [0, rows)} of {@code in} into {@code out} as {@code long}s, one loop per width. */
    private static void widen(FieldVector in, int rows, long[] out) {
        ArrowBuf data = in.getDataBuffer();
        switch (((BaseFixedWidthVector) in).getTypeWidth()) {
            case 1:
                for (int i = 0; i < rows; i++) {
                    out[i] = data.getByte(i);
                }
                break;
            case 2:
                for (int i = 0; i < rows; i++) {
                    out[i] = data.getShort((long) i << 1);
                }
                break;
            case 4:
                for (int i = 0; i < rows; i++) {
                    out[i] = data.getInt((long) i << 2);
                }
                break;
            case 8:
                for (int i = 0; i < rows; i++) {
                    out[i] = data.getLong((long) i << 3);
                }
                break;
            default:
                throw new IllegalArgumentException("not an integral key vector: " + in.getField());
        }
    }

    private void probeNonNull(long[] values, int rows, int[] ids, boolean insert) {
        long[] sk = slotKeys;
        int[] sg = slotGroups;
        int m = mask;
        int s = shift;
        for (int i = 0; i < rows; i++) {
            long k = values[i];
            int slot = slotOf(k, s);
            int g;
            while (true) {
                g = sg[slot];
                if (g == EMPTY) {
                    if (insert) {
                        g = insertAt(slot, k);
                        sk = slotKeys;
                        sg = slotGroups;
                        m = mask;
                        s = shift;
                    }
                    break;
                }
                if (sk[slot] == k) {
                    break;
                }
                slot = (slot + 1) & m;
            }
            ids[i] = g;
        }
    }

    private void probeNullable(ArrowBuf validity, long[] values, int rows, int[] ids, boolean insert) {
        for (int i = 0; i < rows; i++) {
            if (BitVectorHelper.get(validity, i) == 0) {
                ids[i] = nullId(insert);
                continue;
            }
            long k = values[i];
            int slot = slotOf(k, shift);
            int g;
            while (true) {
                g = slotGroups[slot];
                if (g == EMPTY) {
                    if (insert) {
                        g = insertAt(slot, k);
                    }
                    break;
                }
                if (slotKeys[slot] == k) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            ids[i] = g;
        }
    }

    private int nullId(boolean insert) {
        if (!nullSafe) {
            return EMPTY;
        }
        if (nullGroup == EMPTY && insert) {
            nullGroup = newGroup(0L);
        }
        return nullGroup;
    }

    /**
     * The slot of key {@code k} in a table of {@code 2^(64 - shift)} slots: the high bits of the key
     * (folded into the low ones) times the golden ratio, i.e. Fibonacci hashing.
     */
    private static int slotOf(long k, int shift) {
        return (int) (((k ^ (k >>> 32)) * GOLDEN) >>> shift);
    }

    private int insertAt(int slot, long key) {
        int g = newGroup(key);
        slotKeys[slot] = key;
        slotGroups[slot] = g;
        if (2L * (size - (nullGroup == EMPTY ? 0 : 1)) > slotGroups.length) {
            grow();
        }
        return g;
    }

    private int newGroup(long key) {
        int g = size;
        if (g == keys.length) {
            keys = Arrays.copyOf(keys, 2 * g);
        }
        keys[g] = key;
        size++;
        return g;
    }

    private void grow() {
        if (slotGroups.length >= MAX_CAPACITY) {
            throw new IllegalStateException("hash table is full (" + size + " keys)");
        }
        allocateSlots(slotGroups.length * 2);
        long[] sk = slotKeys;
        int[] sg = slotGroups;
        for (int g = 0; g < size; g++) {
            if (g == nullGroup) {
                continue;
            }
            long k = keys[g];
            int slot = slotOf(k, shift);
            while (sg[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            sk[slot] = k;
            sg[slot] = g;
        }
    }

    private void allocateSlots(int capacity) {
        slotKeys = new long[capacity];
        slotGroups = new int[capacity];
        Arrays.fill(slotGroups, EMPTY);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** The key vector of the table, brought up to date with every group (value count {@link #size()}). */
    FieldVector stored() {
        store.setValueCount(size); // grows the buffers; new slots are NULL
        ArrowBuf data = store.getDataBuffer();
        ArrowBuf validity = store.getValidityBuffer();
        for (int g = materialized; g < size; g++) {
            if (g == nullGroup) {
                BitVectorHelper.unsetBit(validity, g);
                continue;
            }
            long k = keys[g];
            switch (width) {
                case 1:
                    data.setByte(g, (byte) k);
                    break;
                case 2:
                    data.setShort((long) g << 1, (short) k);
                    break;
                case 4:
                    data.setInt((long) g << 2, (int) k);
                    break;
                default:
                    data.setLong((long) g << 3, k);
            }
            BitVectorHelper.setBit(validity, g);
        }
        materialized = size;
        return store;
    }

    /** Bytes held in the primitive arrays (the key vector is counted by its column). */
    long sizeInBytes() {
        return 12L * slotGroups.length + 8L * keys.length + 8L * batchKeys.length;
    }
}
