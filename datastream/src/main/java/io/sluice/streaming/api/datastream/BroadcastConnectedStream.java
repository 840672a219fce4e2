package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.runtime.operators.BroadcastProcessOperator;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.functions.co.BroadcastProcessFunction;
import io.sluice.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import java.util.List;

/** A (keyed or non-keyed) stream connected with a broadcast stream. */
public class BroadcastConnectedStream<IN1, IN2> {
    private final DataStream<IN1> input;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(DataStream<IN1> input, BroadcastStream<IN2> broadcast) {
        this.input = input;
        this.broadcast = broadcast;
    }

    public DataStream<IN1> getFirstInput() {
        return input;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcast;
    }

    /** Processes a keyed stream with the broadcast state (and keyed state and timers). */
    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        return process(function, DataStream.cast(TypeExtractor.typeArgument(function,
                KeyedBroadcastProcessFunction.class, 3)));
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (!(input instanceof KeyedStream)) {
            throw new IllegalArgumentException("A KeyedBroadcastProcessFunction can only be used on a keyed stream.");
        }
        KeyedStream<IN1, ?> keyed = (KeyedStream<IN1, ?>) input;
        return transform(outputType, new BroadcastProcessOperator("Co-Process-Broadcast-Keyed",
                keyed.getKeySelector(), function, null, broadcast.stateNames()), keyed.getKeyType());
    }

    /** Processes a non-keyed stream with the broadcast state. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        return process(function, DataStream.cast(TypeExtractor.typeArgument(function,
                BroadcastProcessFunction.class, 2)));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function,
            TypeInformation<OUT> outputType) {
        if (input instanceof KeyedStream) {
            throw new IllegalArgumentException("A BroadcastProcessFunction can only be used on a non-keyed stream.");
        }
        return transform(outputType, new BroadcastProcessOperator("Co-Process-Broadcast", null, null, function,
                broadcast.stateNames()), null);
    }

    private <OUT> SingleOutputStreamOperator<OUT> transform(TypeInformation<?> type, BroadcastProcessOperator op,
            TypeInformation<?> keyType) {
        OperatorNode node = new OperatorNode(op.name(), type, op, List.of(input.getNode(), broadcast.node()))
                .withKeyType(keyType);
        return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), node);
    }
}
