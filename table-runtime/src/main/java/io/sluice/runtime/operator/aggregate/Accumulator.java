package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of one aggregate call for every group, in primitive arrays indexed by group id. Input is
 * folded a column at a time; the operator never calls an accumulator per row.
 */
abstract class Accumulator implements AutoCloseable {

    /** Makes room for groups {@code 0 .. groups-1}; new groups start empty. */
    abstract void ensureCapacity(int groups);

    /**
     * Folds rows {@code [0, rows)} of {@code arg} into their groups: row {@code i} belongs to group
     * {@code groupIds[i]}, or is skipped when that is negative. {@code arg} is null for {@code COUNT(*)}.
     */
    abstract void accumulate(int[] groupIds, FieldVector arg, int rows);

    /**
     * Writes the results of groups {@code [firstGroup, firstGroup + count)} into positions
     * {@code 0 .. count-1} of {@code out}, a freshly allocated vector of the result type with room for
     * {@code count} values (slots not written are NULL).
     */
    abstract void write(int firstGroup, int count, FieldVector out);

    /** Writes the state of groups {@code 0 .. groups-1} for a checkpoint. */
    abstract void snapshot(StateWriter out, int groups) throws IOException;

    /**
     * Replaces the (empty) state with what {@link #snapshot} wrote; the caller then calls
     * {@link #ensureCapacity} for the restored groups.
     */
    abstract void restore(StateReader in) throws IOException;

    /**
     * Restores what {@link #snapshot} wrote on an instance of a run at another parallelism: saved group {@code g}
     * becomes group {@code target[g]}, or is skipped when that is negative. The caller made room for every target
     * with {@link #ensureCapacity}. The default fails: the aggregate cannot be restored at another parallelism yet.
     */
    void restoreRemapped(StateReader in, int[] target) throws IOException {
        throw new io.sluice.table.api.UnsupportedFeatureException("restoring the state of aggregate "
                + getClass().getSimpleName() + " at another parallelism");
    }

    /** Releases Arrow memory, if any is held. */
    @Override
    public void close() {
    }

    static int newCapacity(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }
}
