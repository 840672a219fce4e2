package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.datastream.runtime.ChainedOperator;
import java.util.List;

/** Applies a {@link ChainedOperator} to one or two input streams. */
public final class OperatorNode extends StreamNode {
    private final ChainedOperator operator;
    private final List<StreamNode> inputs;
    private TypeInformation<?> keyType;

    public OperatorNode(String name, TypeInformation<?> type, ChainedOperator operator, List<StreamNode> inputs) {
        super(name, type);
        this.operator = operator;
        this.inputs = List.copyOf(inputs);
    }

    public ChainedOperator operator() {
        return operator;
    }

    @Override
    public List<StreamNode> inputs() {
        return inputs;
    }

    /** The type of the keys of a keyed operator (null when unknown). */
    public TypeInformation<?> keyType() {
        return keyType;
    }

    public OperatorNode withKeyType(TypeInformation<?> keyType) {
        this.keyType = keyType;
        return this;
    }
}
