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

    /** Accepted without effect, as on operators ({@link SingleOutputStreamOperator#setUidHash}). */
    public DataStreamSink<T> setUidHash(String uidHash) {
        return this;
    }

    /**
     * The number of parallel instances of the sink; a sink whose input runs at another parallelism reads it
     * round-robin.
     */
    public DataStreamSink<T> setParallelism(int parallelism) {
        SingleOutputStreamOperator.validateParallelism(parallelism, false);
        node.setParallelism(parallelism);
        if (function != null) {
            function.setParallelism(parallelism);
        }
        return this;
    }

    /** The number of key groups of the sink's keyed state (a sink function after {@code keyBy}). */
    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        SingleOutputStreamOperator.validateMaxParallelism(maxParallelism, false);
        node.setMaxParallelism(maxParallelism);
        if (function != null) {
            function.setMaxParallelism(maxParallelism);
        }
        return this;
    }

    public DataStreamSink<T> setDescription(String description) {
        node.setDescription(description);
        return this;
    }

    /** Accepted without effect, as on operators. */
    public DataStreamSink<T> disableChaining() {
        return this;
    }

    /** Recorded on the sink without effect on scheduling, as on operators. */
    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        return slotSharingGroup(io.sluice.api.common.operators.SlotSharingGroup.newBuilder(slotSharingGroup).build());
    }

    /** Recorded on the sink with its resources, without effect on scheduling (Sluice has no slots). */
    public DataStreamSink<T> slotSharingGroup(io.sluice.api.common.operators.SlotSharingGroup slotSharingGroup) {
        node.setSlotSharingGroup(slotSharingGroup);
        if (function != null) {
            function.setSlotSharingGroup(slotSharingGroup);
        }
        return this;
    }
}
