package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.sort.IntSorter;
import io.sluice.runtime.operator.sort.RowComparator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.RowType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The buffered rows sorted for one window group: by partition keys, then order keys (stable). Row
 * positions in this order are "positions"; {@link #order} maps a position to its buffer row. Also
 * records where partitions end and, for every position, the first and last position of its peer
 * group (rows equal on the order keys within the partition).
 */
final class SortedGroup {
    final int[] order;
    final int[] partitionEnds;
    final int[] peerFirst;
    final int[] peerLast;

    private SortedGroup(int[] order, int[] partitionEnds, int[] peerFirst, int[] peerLast) {
        this.order = order;
        this.partitionEnds = partitionEnds;
        this.peerFirst = peerFirst;
        this.peerLast = peerLast;
    }

    static SortedGroup sort(RowType type, List<FieldVector> vectors, int rowCount, int[] partitionFields,
            SortKey[] orderKeys) {
        SortKey[] partitionKeys = new SortKey[partitionFields.length];
        for (int i = 0; i < partitionFields.length; i++) {
            partitionKeys[i] = SortKey.asc(partitionFields[i]);
        }
        SortKey[] all = new SortKey[partitionKeys.length + orderKeys.length];
        System.arraycopy(partitionKeys, 0, all, 0, partitionKeys.length);
        System.arraycopy(orderKeys, 0, all, partitionKeys.length, orderKeys.length);

        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        if (all.length > 0) {
            RowComparator sortComparator = new RowComparator(type, all);
            sortComparator.bind(vectors);
            IntSorter.sort(order, 0, rowCount, sortComparator::compare);
        }
        return withBoundaries(type, vectors, order, partitionKeys, orderKeys);
    }

    /**
     * The group of {@code partitionEnds[last]} rows that are already in partition and order-key order,
     * with the given partition ends: positions equal buffer rows, so results written by position go to
     * the vectors in increasing row order.
     */
    static SortedGroup presorted(RowType type, List<FieldVector> vectors, int[] partitionEnds, SortKey[] orderKeys) {
        int rowCount = partitionEnds.length == 0 ? 0 : partitionEnds[partitionEnds.length - 1];
        int[] order = new int[rowCount];
        for (int i = 0; i < rowCount; i++) {
            order[i] = i;
        }
        RowComparator peerCmp = new RowComparator(type, orderKeys);
        peerCmp.bind(vectors);
        int[] peerFirst = new int[rowCount];
        int[] peerLast = new int[rowCount];
        int ps = 0;
        for (int pe : partitionEnds) {
            int peerStart = ps;
            for (int k = ps; k < pe; k++) {
                if (k > ps && peerCmp.compare(k - 1, k) != 0) {
                    closePeers(peerLast, peerStart, k);
                    peerStart = k;
                }
                peerFirst[k] = peerStart;
            }
            closePeers(peerLast, peerStart, pe);
            ps = pe;
        }
        return new SortedGroup(order, partitionEnds.clone(), peerFirst, peerLast);
    }

    private static SortedGroup withBoundaries(RowType type, List<FieldVector> vectors, int[] order,
            SortKey[] partitionKeys, SortKey[] orderKeys) {
        int rowCount = order.length;
        RowComparator partitionCmp = new RowComparator(type, partitionKeys);
        partitionCmp.bind(vectors);
        RowComparator peerCmp = new RowComparator(type, orderKeys);
        peerCmp.bind(vectors);
        int[] ends = new int[Math.max(rowCount, 1)];
        int partitions = 0;
        int[] peerFirst = new int[rowCount];
        int[] peerLast = new int[rowCount];
        int peerStart = 0;
        for (int k = 0; k < rowCount; k++) {
            boolean newPartition = k > 0 && partitionCmp.compare(order[k - 1], order[k]) != 0;
            if (newPartition) {
                ends[partitions++] = k;
            }
            if (k == 0 || newPartition || peerCmp.compare(order[k - 1], order[k]) != 0) {
                closePeers(peerLast, peerStart, k);
                peerStart = k;
            }
            peerFirst[k] = peerStart;
        }
        closePeers(peerLast, peerStart, rowCount);
        if (rowCount > 0) {
            ends[partitions++] = rowCount;
        }
        int[] partitionEnds = new int[partitions];
        System.arraycopy(ends, 0, partitionEnds, 0, partitions);
        return new SortedGroup(order, partitionEnds, peerFirst, peerLast);
    }

    private static void closePeers(int[] peerLast, int from, int to) {
        for (int p = from; p < to; p++) {
            peerLast[p] = to - 1;
        }
    }
}
