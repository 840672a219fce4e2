package io.sluice.streaming.api.windowing.assigners;

/**
 * How the windows of a tumbling assigner's parallel instances are shifted against each other, so that they do not
 * all fire at once: the shift is chosen by each instance when it assigns its first record.
 */
public enum WindowStagger {
    /** No shift: every instance's windows start at the same times. */
    ALIGNED {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    },

    /** A random shift between 0 and the window size. */
    RANDOM {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return (long) (java.util.concurrent.ThreadLocalRandom.current().nextDouble() * size);
        }
    },

    /** The shift of the processing time at the first record within its aligned window. */
    NATURAL {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            long start = currentProcessingTime - Math.floorMod(currentProcessingTime, size);
            return Math.max(0, currentProcessingTime - start);
        }
    };

    /** The shift of an instance whose first record arrives at {@code currentProcessingTime}. */
    public abstract long getStaggerOffset(long currentProcessingTime, long size);
}
