package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.List;

/** The records of several streams of one type, as one stream. */
public final class UnionNode extends StreamNode {
    private final List<StreamNode> inputs;

    public UnionNode(TypeInformation<?> type, List<StreamNode> inputs) {
        super("Union", type);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<StreamNode> inputs() {
        return inputs;
    }
}
