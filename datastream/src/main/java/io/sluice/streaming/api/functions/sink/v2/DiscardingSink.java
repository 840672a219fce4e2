package io.sluice.streaming.api.functions.sink.v2;

import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;

/** A sink that drops every record (for tests and benchmarks). */
public class DiscardingSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context ctx) {
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
