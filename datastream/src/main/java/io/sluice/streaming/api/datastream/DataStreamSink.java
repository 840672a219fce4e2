package io.sluice.streaming.api.datastream;

import io.sluice.datastream.graph.SinkNode;

/** A sink of a stream: its name and parallelism. */
public class DataStreamSink<T> {
    private final SinkNode node;

    public DataStreamSink(SinkNode node) {
        this.node = node;
    }

    public DataStreamSink<T> name(String name) {
        node.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    /** 1 or the job's parallelism. */
    public DataStreamSink<T> setParallelism(int parallelism) {
        node.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        return this;
    }
}
