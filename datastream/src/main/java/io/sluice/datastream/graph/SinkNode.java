package io.sluice.datastream.graph;

import io.sluice.datastream.runtime.sink.RecordSink;
import java.util.List;

/** Writes a stream to a {@link RecordSink}. */
public final class SinkNode extends StreamNode {
    private final StreamNode input;
    private final RecordSink sink;

    public SinkNode(String name, StreamNode input, RecordSink sink) {
        super(name, input.type());
        this.input = input;
        this.sink = sink;
    }

    public StreamNode input() {
        return input;
    }

    public RecordSink sink() {
        return sink;
    }

    @Override
    public List<StreamNode> inputs() {
        return List.of(input);
    }
}
