package io.sluice.streaming.api.connector.sink2;

import io.sluice.streaming.api.datastream.DataStream;

/**
 * A sink that shapes its input before its writers get it, such as repartitioning it by a key of its own or
 * aggregating it first: {@code sinkTo} feeds the writers the stream {@link #addPreWriteTopology} returns.
 */
public interface SupportsPreWriteTopology<InputT> {
    /** The stream the sink's writers are to write, built from the stream given to {@code sinkTo}. */
    DataStream<InputT> addPreWriteTopology(DataStream<InputT> inputDataStream);
}
