package io.sluice.benchmarks.nexmark;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Fills whole columns of one Nexmark table for a list of event numbers: one typed loop per column,
 * values written straight into the Arrow buffers (see {@link VectorWriters}, {@link VarCharAppender}).
 * Subclasses choose the loop for a column with one switch per batch, never per row.
 */
abstract class EventColumns {
    protected final NexmarkConfig config;
    protected final long seed;
    protected final VarCharAppender text = new VarCharAppender();

    EventColumns(NexmarkConfig config) {
        this.config = config;
        this.seed = config.seed();
    }

    /** The column writer of {@code config.table()}. */
    static EventColumns create(NexmarkConfig config) {
        switch (config.table()) {
            case BID:
                return new BidColumns(config);
            case AUCTION:
                return new AuctionColumns(config);
            default:
                return new PersonColumns(config);
        }
    }

    /** Writes column {@code field} (an index into the table's columns) of events {@code events[0..rows)}. */
    abstract void fill(int field, FieldVector vector, long[] events, int rows);

    /** The event times. */
    protected final void fillTime(FieldVector vector, long[] events, int rows) {
        ArrowBuf data = VectorWriters.longData(vector, rows);
        long base = config.baseTime();
        long rate = config.eventsPerSecond();
        for (int i = 0; i < rows; i++) {
            data.setLong((long) i << 3, NexmarkModel.eventTime(events[i], base, rate));
        }
    }

    /** Random lowercase words of {@code min .. max} letters, drawn with {@code salt}. */
    protected final void fillWords(FieldVector vector, long[] events, int rows, int salt, int min, int max) {
        text.start((VarCharVector) vector, rows);
        int spread = max - min + 1;
        for (int i = 0; i < rows; i++) {
            long r = NexmarkModel.random(seed, events[i], salt);
            int length = min + NexmarkModel.below(r << 32, spread);
            text.append(TextPool.LETTERS, TextPool.wordStart(r, max), length);
        }
        text.finish();
    }

    /** One of {@code values}, drawn with {@code salt}. */
    protected final void fillChoice(FieldVector vector, long[] events, int rows, int salt, byte[][] values) {
        text.start((VarCharVector) vector, rows);
        for (int i = 0; i < rows; i++) {
            long r = NexmarkModel.random(seed, events[i], salt);
            text.append(values[NexmarkModel.below(r, values.length)]);
        }
        text.finish();
    }
}
