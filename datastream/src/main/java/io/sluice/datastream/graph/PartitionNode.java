package io.sluice.datastream.graph;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.functions.Partitioner;
import io.sluice.api.java.functions.KeySelector;
import java.util.List;

/**
 * How records move to the next operator: by key ({@code keyBy}), round-robin ({@code rebalance}, {@code shuffle}),
 * round-robin over a share of the next instances ({@code rescale}), to one instance ({@code global}), to every
 * instance ({@code broadcast}), to the instance of the same index ({@code forward}) or to the instance a
 * {@link Partitioner} chooses ({@code partitionCustom}).
 */
public final class PartitionNode extends StreamNode {
    /** The kinds of exchange. */
    public enum Kind {
        KEY,
        REBALANCE,
        GLOBAL,
        BROADCAST,
        FORWARD,
        RESCALE,
        CUSTOM
    }

    private final StreamNode input;
    private final Kind kind;
    private final KeySelector<?, ?> keySelector;
    private final TypeInformation<?> keyType;
    private final Partitioner<?> partitioner;

    public PartitionNode(StreamNode input, Kind kind, KeySelector<?, ?> keySelector, TypeInformation<?> keyType) {
        this(input, kind, keySelector, keyType, null);
    }

    /** A {@code partitionCustom} exchange: {@code partitioner} picks the instance of the key {@code keySelector} gives. */
    public PartitionNode(StreamNode input, Partitioner<?> partitioner, KeySelector<?, ?> keySelector) {
        this(input, Kind.CUSTOM, keySelector, null, partitioner);
    }

    private PartitionNode(StreamNode input, Kind kind, KeySelector<?, ?> keySelector, TypeInformation<?> keyType,
            Partitioner<?> partitioner) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT), input.type());
        this.input = input;
        this.kind = kind;
        this.keySelector = keySelector;
        this.keyType = keyType;
        this.partitioner = partitioner;
    }

    /** The partitioner of a {@link Kind#CUSTOM} exchange, else null. */
    public Partitioner<?> partitioner() {
        return partitioner;
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
