package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.graph.OperatorNode;
import io.sluice.datastream.runtime.ChainedOperator;
import io.sluice.datastream.runtime.operators.CoMapOperator;
import io.sluice.datastream.runtime.operators.CoProcessOperator;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.co.CoFlatMapFunction;
import io.sluice.streaming.api.functions.co.CoMapFunction;
import io.sluice.streaming.api.functions.co.CoProcessFunction;
import io.sluice.streaming.api.functions.co.KeyedCoProcessFunction;
import java.util.List;

/**
 * Two streams processed by one operator. When both are keyed (by keys of one type), the operator keeps keyed state
 * and timers per key, shared by both inputs.
 */
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;

    protected ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
        this.environment = environment;
        this.first = first;
        this.second = second;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    /** Keys both inputs (by keys of one type). */
    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1,
            KeySelector<IN2, KEY> keySelector2) {
        return new ConnectedStreams<>(environment, first.keyBy(keySelector1), second.keyBy(keySelector2));
    }

    private boolean keyed() {
        return first instanceof KeyedStream && second instanceof KeyedStream;
    }

    private KeySelector<?, ?> key1() {
        return keyed() ? ((KeyedStream<?, ?>) first).getKeySelector() : null;
    }

    private KeySelector<?, ?> key2() {
        return keyed() ? ((KeyedStream<?, ?>) second).getKeySelector() : null;
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, TypeInformation<?> type, ChainedOperator op) {
        OperatorNode node = new OperatorNode(name, type, op, List.of(first.getNode(), second.getNode()));
        if (keyed()) {
            node.withKeyType(((KeyedStream<?, ?>) first).getKeyType());
        }
        return new SingleOutputStreamOperator<>(environment, node);
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return transform("Co-Map", TypeExtractor.typeArgument(coMapper, CoMapFunction.class, 2),
                new CoMapOperator("Co-Map", key1(), key2(), coMapper, null));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return transform("Co-Map", outputType, new CoMapOperator("Co-Map", key1(), key2(), coMapper, null));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return transform("Co-Flat Map", TypeExtractor.typeArgument(coFlatMapper, CoFlatMapFunction.class, 2),
                new CoMapOperator("Co-Flat Map", key1(), key2(), null, coFlatMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper,
            TypeInformation<R> outputType) {
        return transform("Co-Flat Map", outputType, new CoMapOperator("Co-Flat Map", key1(), key2(), null,
                coFlatMapper));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return transform("Co-Process", TypeExtractor.typeArgument(coProcessFunction, CoProcessFunction.class, 2),
                new CoProcessOperator("Co-Process", key1(), key2(), null, coProcessFunction));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction,
            TypeInformation<R> outputType) {
        return transform("Co-Process", outputType,
                new CoProcessOperator("Co-Process", key1(), key2(), null, coProcessFunction));
    }

    /** Processes both keyed inputs with keyed state and timers per key. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        return process(keyedCoProcessFunction, DataStream.cast(TypeExtractor.typeArgument(keyedCoProcessFunction,
                KeyedCoProcessFunction.class, 3)));
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction,
            TypeInformation<R> outputType) {
        if (!keyed()) {
            throw new UnsupportedOperationException("KeyedCoProcessFunction can only be used on keyed connected "
                    + "streams (call keyBy on both inputs or on the connected streams)");
        }
        return transform("Co-Keyed-Process", outputType,
                new CoProcessOperator("Co-Keyed-Process", key1(), key2(), keyedCoProcessFunction, null));
    }
}
