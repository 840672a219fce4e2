package io.sluice.streaming.api.datastream;

import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.graph.SourceNode;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
    public DataStreamSource(StreamExecutionEnvironment environment, StreamNode node) {
        super(environment, node);
    }

    /** The source's readers run with the parallelism too (and the operators of the source, such as its watermarks). */
    @Override
    protected void setParallelismOf(int parallelism) {
        StreamNode n = node;
        while (n instanceof OperatorNode && n.inputs().size() == 1) {
            n.setParallelism(parallelism);
            n = n.inputs().get(0);
        }
        if (n instanceof SourceNode) {
            n.setParallelism(parallelism);
        }
    }
}
