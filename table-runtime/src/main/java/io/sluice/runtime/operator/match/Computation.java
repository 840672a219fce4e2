package io.sluice.runtime.operator.match;

import java.util.Arrays;

/**
 * A partial match: it started at row {@code startId} (time {@code startTime}) and has mapped the rows
 * {@code startId .. startId + elements.length - 1} of its partition, in order, to the pattern elements in
 * {@code elements}; it now stands at element {@code position} having taken {@code taken} rows of it. Immutable.
 */
record Computation(long startId, long startTime, int position, int taken, int[] elements) {

    /** A computation that has not taken any row yet, starting at row {@code startId}. */
    static Computation start(long startId, long startTime) {
        return new Computation(startId, startTime, 0, 0, new int[0]);
    }

    /** This computation after mapping the next row to {@code element}, its {@code newTaken}-th row. */
    Computation take(int element, int newTaken) {
        int[] e = Arrays.copyOf(elements, elements.length + 1);
        e[elements.length] = element;
        return new Computation(startId, startTime, element, newTaken, e);
    }

    int length() {
        return elements.length;
    }

    /** The row id of the last mapped row. */
    long endId() {
        return startId + elements.length - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Computation c && c.startId == startId && c.startTime == startTime
                && c.position == position && c.taken == taken && Arrays.equals(c.elements, elements);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startId) * 31 + Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return "Computation(start=" + startId + ", at=" + position + "/" + taken + ", " + Arrays.toString(elements)
                + ")";
    }
}
