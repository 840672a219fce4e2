package io.sluice.api.connector.sink2;

import io.sluice.api.common.eventtime.Watermark;
import java.io.IOException;

/** Writes the records of one parallel sink instance. */
public interface SinkWriter<InputT> extends AutoCloseable {
    void write(InputT element, Context context) throws IOException, InterruptedException;

    /** Called on checkpoints and at the end of input ({@code endOfInput} true). */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {
    }

    /** What a writer knows about the record being written. */
    interface Context {
        long currentWatermark();

        /** The record's timestamp, or null when it has none. */
        Long timestamp();
    }
}
