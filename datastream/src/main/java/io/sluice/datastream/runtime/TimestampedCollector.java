package io.sluice.datastream.runtime;

import io.sluice.util.Collector;

/** The {@link Collector} user functions emit to: records get the timestamp set for the current call. */
public final class TimestampedCollector<T> implements Collector<T> {
    private final ChainOutput output;
    private long timestamp = RecordBatches.NO_TIMESTAMP;

    TimestampedCollector(ChainOutput output) {
        this.output = output;
    }

    /** The timestamp of the records emitted next. */
    public TimestampedCollector<T> at(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    @Override
    public void collect(T record) {
        try {
            output.collect(record, timestamp);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RecordEmitException(e);
        }
    }

    @Override
    public void close() {
    }
}
