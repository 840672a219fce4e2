package io.sluice.streaming.api.datastream;

import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, StreamNode node) {
        super(environment, node);
    }
}
