package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import java.util.List;

/** How records move to the next operator: by key ({@code keyBy}), round-robin ({@code rebalance}), or to one instance. */
public final class PartitionNode extends StreamNode {
    /** The kinds of exchange. */
    public enum Kind {
        KEY,
        REBALANCE,
        GLOBAL,
        BROADCAST
    }

    private final StreamNode input;
    private final Kind kind;
    private final KeySelector<?, ?> keySelector;
    private final TypeInformation<?> keyType;

    public PartitionNode(StreamNode input, Kind kind, KeySelector<?, ?> keySelector, TypeInformation<?> keyType) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), input.type());
        this.input = input;
        this.kind = kind;
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public StreamNode input() {
        return input;
    }

    public Kind kind() {
        return kind;
    }

    public KeySelector<?, ?> keySelector() {
        return keySelector;
    }

    public TypeInformation<?> keyType() {
        return keyType;
    }

    @Override
    public List<StreamNode> inputs() {
        return List.of(input);
    }
}
