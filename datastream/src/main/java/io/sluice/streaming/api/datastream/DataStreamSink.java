package io.sluice.streaming.api.datastream;

import io.sluice.datastream.graph.SinkNode;
import io.sluice.datastream.graph.StreamNode;

/** A sink of a stream: its name and parallelism. */
public class DataStreamSink<T> {
    private final SinkNode node;
    /** The operator running a legacy sink function ({@code addSink}), or null. */
    private final StreamNode function;

    public DataStreamSink(SinkNode node) {
        this(node, null);
    }

    /** The sink of {@code addSink}: name, uid and parallelism apply to the operator running the function. */
    public DataStreamSink(SinkNode node, StreamNode function) {
        this.node = node;
        this.function = function;
    }

    public DataStreamSink<T> name(String name) {
        node.setName(name);
        if (function != null) {
            function.setName(name);
        }
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        if (function != null) {
            function.setUid(uid);
            node.setUid(uid + "-end");
        } else {
            node.setUid(uid);
        }
        return this;
    }

    /** 1 or the job's parallelism. */
    public DataStreamSink<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        if (function != null) {
            function.setParallelism(parallelism);
        }
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        return this;
    }
}
