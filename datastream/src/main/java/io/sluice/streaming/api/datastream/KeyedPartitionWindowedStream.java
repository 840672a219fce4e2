package io.sluice.streaming.api.datastream;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;

/** {@link PartitionWindowedStream} of a keyed stream: each key's records form a partition. */
public class KeyedPartitionWindowedStream<T, KEY> extends PartitionBodyStream<T> {
    private final KeyedStream<T, KEY> input;

    KeyedPartitionWindowedStream(KeyedStream<T, KEY> input) {
        this.input = input;
    }

    @Override
    TypeInformation<T> inputType() {
        return input.getType();
    }

    @SuppressWarnings("unchecked")
    @Override
    <R> SingleOutputStreamOperator<R> apply(PartitionBodies.Body<T, R> body, TypeInformation<?> type) {
        SingleOutputStreamOperator<R> out = input.window(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new PartitionBodies.Window<T, R, KEY>(body));
        return type != null ? out.returns((TypeInformation<R>) type) : out;
    }
}
