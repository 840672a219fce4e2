package io.sluice.streaming.api.datastream;

import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.datastream.graph.StreamNode;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.ArrayList;
import java.util.List;

/** A stream whose every record reaches every parallel instance of the operator it is connected to. */
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final StreamNode node;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(StreamExecutionEnvironment environment, StreamNode node, List<MapStateDescriptor<?, ?>> descriptors) {
        this.environment = environment;
        this.node = node;
        this.descriptors = List.copyOf(descriptors);
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return descriptors;
    }

    StreamNode node() {
        return node;
    }

    List<String> stateNames() {
        List<String> names = new ArrayList<>();
        descriptors.forEach(d -> names.add(d.getName()));
        return names;
    }
}
