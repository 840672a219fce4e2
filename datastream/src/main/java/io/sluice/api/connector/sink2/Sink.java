package io.sluice.api.connector.sink2;

import java.io.IOException;

/** Where a stream's records end: creates a {@link SinkWriter} for each parallel instance. */
public interface Sink<InputT> extends java.io.Serializable {
    SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException;
}
