package io.sluice.streaming.api.functions.sink.legacy;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.functions.Function;
import java.io.Serializable;

/**
 * A sink as one function called for every record ({@code DataStream.addSink}). It may implement {@code
 * CheckpointedFunction} to keep operator state and {@code CheckpointListener} to hear of completed checkpoints.
 *
 * @param <IN> the type of the records
 * @deprecated as in Flink: write a {@code io.sluice.api.connector.sink2.Sink} and use {@code sinkTo}.
 */
@Deprecated
public interface SinkFunction<IN> extends Function, Serializable {

    /** The older form of {@link #invoke(Object, Context)}, called by its default implementation. */
    default void invoke(IN value) throws Exception {
    }

    /** Writes one record; {@code context} is valid during the call only. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** The input's watermark advanced. */
    default void writeWatermark(Watermark watermark) throws Exception {
    }

    /** The input ended: write out what is still buffered. */
    default void finish() throws Exception {
    }

    /** What a sink function can know about the record it is writing. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}
