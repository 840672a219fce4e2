package io.sluice.streaming.api.datastream;

import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;

/** The records of one side output of an operator. */
public class SideOutputDataStream<T> extends DataStream<T> {
    public SideOutputDataStream(StreamExecutionEnvironment environment, StreamNode node) {
        super(environment, node);
    }
}
