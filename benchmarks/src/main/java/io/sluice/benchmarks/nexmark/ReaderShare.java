package io.sluice.benchmarks.nexmark;

/**
 * Which events of one table a parallel reader produces. Reader {@code i} of {@code p} owns the epochs
 * {@code i, i + p, i + 2p, ...} of the stream (an epoch is 50 consecutive events, see
 * {@link NexmarkTable}), so readers never overlap, together produce every event, and their event
 * times advance side by side (each reader's own times never decrease). The reader's k-th row is slot
 * {@code k mod s} of its {@code (k / s)}-th epoch, where {@code s} is the table's slots per epoch.
 */
public final class ReaderShare {
    private final int firstSlot;
    private final int slots;
    private final int subtask;
    private final int parallelism;
    private final long rows;

    /** The share of reader {@code subtask} of {@code parallelism} in {@code config}'s table. */
    public ReaderShare(NexmarkConfig config, int subtask, int parallelism) {
        if (parallelism < 1 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("reader " + subtask + " of " + parallelism);
        }
        this.firstSlot = config.table().firstSlot();
        this.slots = config.table().slotsPerEpoch();
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.rows = config.bounded() ? count(config.events()) : Long.MAX_VALUE;
    }

    private long count(long events) {
        long epochs = (events + NexmarkModel.EPOCH - 1) / NexmarkModel.EPOCH;
        if (subtask >= epochs) {
            return 0;
        }
        long owned = (epochs - 1 - subtask) / parallelism + 1;
        long lastEpoch = subtask + (owned - 1) * parallelism;
        if (lastEpoch != epochs - 1) {
            return owned * slots;
        }
        long inLast = events - lastEpoch * NexmarkModel.EPOCH - firstSlot;
        return (owned - 1) * slots + Math.max(0, Math.min(slots, inLast));
    }

    /** Rows this reader produces in all ({@code Long.MAX_VALUE} when unbounded). */
    public long rows() {
        return rows;
    }

    /** The event numbers of this reader's rows {@code first .. first + count - 1}, into {@code out}. */
    public void events(long first, int count, long[] out) {
        long epoch = subtask + (first / slots) * parallelism;
        int slot = (int) (first % slots);
        long base = epoch * NexmarkModel.EPOCH + firstSlot;
        long stride = (long) parallelism * NexmarkModel.EPOCH;
        for (int i = 0; i < count; i++) {
            out[i] = base + slot;
            if (++slot == slots) {
                slot = 0;
                base += stride;
            }
        }
    }
}
