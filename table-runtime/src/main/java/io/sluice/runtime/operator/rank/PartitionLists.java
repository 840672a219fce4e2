package io.sluice.runtime.operator.rank;

import java.util.Arrays;

/**
 * One ordered list of {@link RowStore} row ids per partition (a dense partition id), held in plain
 * {@code int} arrays: the rows of a Top-N partition in rank order. Inserting and removing shift the
 * tail of one list.
 */
final class PartitionLists {
    private static final int[] EMPTY = new int[0];

    private int[][] lists = new int[0][];
    private int[] sizes = new int[0];

    /** Makes room for partitions {@code 0 .. partitions-1}. */
    void ensurePartitions(int partitions) {
        if (lists.length < partitions) {
            int old = lists.length;
            int n = Math.max(partitions, Math.max(16, 2 * old));
            lists = Arrays.copyOf(lists, n);
            sizes = Arrays.copyOf(sizes, n);
            Arrays.fill(lists, old, n, EMPTY);
        }
    }

    int size(int partition) {
        return sizes[partition];
    }

    /** The row id at 0-based position {@code index} of the partition's list. */
    int get(int partition, int index) {
        return lists[partition][index];
    }

    /** Inserts {@code id} at position {@code index}, shifting later ids back. */
    void insert(int partition, int index, int id) {
        int[] list = lists[partition];
        int size = sizes[partition];
        if (size == list.length) {
            list = Arrays.copyOf(list, Math.max(4, 2 * size));
            lists[partition] = list;
        }
        System.arraycopy(list, index, list, index + 1, size - index);
        list[index] = id;
        sizes[partition] = size + 1;
    }

    /** Removes the id at position {@code index}, shifting later ids forward. */
    void remove(int partition, int index) {
        int[] list = lists[partition];
        int size = sizes[partition];
        System.arraycopy(list, index + 1, list, index, size - index - 1);
        sizes[partition] = size - 1;
        if (size == 1) {
            lists[partition] = EMPTY;
        }
    }

    /** Empties the partition and frees its list. */
    void clear(int partition) {
        sizes[partition] = 0;
        lists[partition] = EMPTY;
    }

    /** Number of partitions there is room for. */
    int capacity() {
        return lists.length;
    }

    /** Keeps only the first {@code size} ids of the partition. */
    void truncate(int partition, int size) {
        sizes[partition] = size;
    }

    /** Replaces every id {@code r} by {@code newId[r]} (after {@link RowStore#compact()}). */
    void renumber(int[] newId) {
        for (int p = 0; p < lists.length; p++) {
            int[] list = lists[p];
            for (int k = 0; k < sizes[p]; k++) {
                list[k] = newId[list[k]];
            }
        }
    }

    /** Bytes held by the lists, an estimate for metrics. */
    long sizeInBytes() {
        long bytes = 12L * lists.length;
        for (int[] list : lists) {
            bytes += list == null ? 0 : 4L * list.length;
        }
        return bytes;
    }
}
