package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;

/**
 * The state of one aggregate call for every group of a streaming aggregation, where rows are added
 * ({@code +I}, {@code +U}) and retracted ({@code -U}, {@code -D}) one at a time, so that the result
 * can be emitted after each row. Groups are dense ids from the operator's key table.
 *
 * <p>The operator only passes rows the aggregate sees: FILTER is TRUE, no argument is NULL (except
 * that {@code COUNT(*)} gets a null {@code arg}), and for DISTINCT aggregates only the first
 * occurrence / last retraction of a value.
 */
abstract class RetractableAccumulator {

    /** Makes room for groups {@code 0 .. groups-1}; new groups start empty. */
    abstract void ensureCapacity(int groups);

    /** Folds row {@code row} of {@code arg} into group {@code group}. */
    abstract void add(int group, FieldVector arg, int row);

    /** Takes row {@code row} of {@code arg} back out of group {@code group}. */
    abstract void retract(int group, FieldVector arg, int row);

    /** Writes the group's current result at {@code pos} of {@code out} (NULL when it has none). */
    abstract void write(int group, FieldVector out, int pos);

    /**
     * Whether {@link #write} always sets the slot's validity, to a value or to NULL, so a caller that made room for the
     * slot need not clear it first (a DECIMAL result is cleared all the same: an overflowing value is not written). The
     * default: not known.
     */
    boolean writesEverySlot() {
        return false;
    }

    /** Forgets the group: it starts empty again. */
    abstract void clear(int group);

    /** Writes the state of groups {@code 0 .. groups-1} for a checkpoint. */
    abstract void snapshot(StateWriter out, int groups) throws IOException;

    /** Restores what {@link #snapshot} wrote (into an empty accumulator). */
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

    /**
     * Two-phase aggregation: writes group {@code group}'s accumulator into row {@code pos} of the partial columns
     * {@code out} (of the types {@link PartialAggregates#partialTypes} gives). The default fails: the aggregate
     * cannot be split into a local and a global phase.
     */
    void writePartial(int group, FieldVector[] out, int pos) {
        throw new io.sluice.table.api.UnsupportedFeatureException("two-phase aggregation of "
                + getClass().getSimpleName());
    }

    /**
     * Two-phase aggregation: merges the accumulator {@link #writePartial} wrote into row {@code row} of {@code in}
     * into group {@code group} (the partial may hold retractions: counts and sums may be negative).
     */
    void mergePartial(int group, FieldVector[] in, int row) {
        throw new io.sluice.table.api.UnsupportedFeatureException("two-phase aggregation of "
                + getClass().getSimpleName());
    }

    /** Releases what the accumulator holds (user-defined functions are closed); the default does nothing. */
    void close() {
    }

    /**
     * Writes the state of group {@code group} alone (a keyed-state backend keeps one value per group key). The
     * default fails: the aggregate cannot be kept in a state backend yet.
     */
    void writeGroup(int group, StateWriter out) throws IOException {
        throw new io.sluice.table.api.UnsupportedFeatureException("keeping the state of aggregate "
                + getClass().getSimpleName() + " in a state backend (state.backend.type)");
    }

    /** Reads what {@link #writeGroup} wrote into group {@code group}, which is empty. */
    void readGroup(int group, StateReader in) throws IOException {
        throw new io.sluice.table.api.UnsupportedFeatureException("keeping the state of aggregate "
                + getClass().getSimpleName() + " in a state backend (state.backend.type)");
    }
}
