package io.sluice.runtime.operator.sort;

/**
 * A stable merge sort of {@code int} row indexes with a primitive comparator, so sorting allocates
 * one scratch array and boxes nothing.
 */
public final class IntSorter {
    private static final int INSERTION_THRESHOLD = 16;

    /** Compares two row indexes. */
    @FunctionalInterface
    public interface IndexComparator {
        int compare(int a, int b);
    }

    private IntSorter() {
    }

    /** Sorts {@code a[from, to)} stably by {@code cmp}. */
    public static void sort(int[] a, int from, int to, IndexComparator cmp) {
        if (to - from < 2) {
            return;
        }
        int[] scratch = new int[to - from];
        mergeSort(a, scratch, from, to, cmp);
    }

    private static void mergeSort(int[] a, int[] scratch, int from, int to, IndexComparator cmp) {
        int n = to - from;
        if (n <= INSERTION_THRESHOLD) {
            insertionSort(a, from, to, cmp);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, scratch, from, mid, cmp);
        mergeSort(a, scratch, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return; // already in order
        }
        System.arraycopy(a, from, scratch, 0, mid - from);
        int i = 0;
        int iEnd = mid - from;
        int j = mid;
        int k = from;
        while (i < iEnd && j < to) {
            // take from the left run on ties: keeps the sort stable
            if (cmp.compare(a[j], scratch[i]) < 0) {
                a[k++] = a[j++];
            } else {
                a[k++] = scratch[i++];
            }
        }
        while (i < iEnd) {
            a[k++] = scratch[i++];
        }
    }

    private static void insertionSort(int[] a, int from, int to, IndexComparator cmp) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && cmp.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
